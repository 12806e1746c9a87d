"""Reading documents faithfully: one reader per format, each making ``Block`` values."""
