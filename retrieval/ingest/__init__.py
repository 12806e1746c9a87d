"""Reading documents faithfully: file -> ``Parsed`` blocks -> what is indexed, quoted, dropped.

The pipeline, module by module:

- ``read``: picks the reader for a file's format and decodes its text (legacy encodings too);
- one reader per format, each making ``blocks.Block`` values (kind, rendered text, section
  path, page): ``text`` (plain text, by layout; reStructuredText source told by ``rstsigns``),
  ``markdown`` (with ``mdinline``, ``mdtitle``, ``mdfootnotes``), ``html`` (with ``htmlnav``,
  ``htmlmeta``, ``htmltable``, ``htmlterms``), ``pdf`` (with ``pdflayout``, ``pdflines``,
  ``pdffurniture``, ``pdfheadings``, ``pdfblocks``, ``pdfunread``), ``docx``, ``asciidoc``
  (with ``adocinline``, ``adoctable``), ``rst`` (with ``rstsphinx``, ``rsttable``), ``latex``,
  ``odt`` and ``epub`` (zip packages read within bounds by ``package``), ``eml`` and ``mbox``
  (a message each by ``mailmessage``), ``delimited`` (CSV, TSV), ``rtf``; ``meta`` reads front
  matters;
- ``sieve``: which blocks are indexed and which may be quoted; web pages (``webpage``) through
  ``clean`` (boilerplate removal, by ``markers``), any other document kept whole, each drop with
  its reason;
- ``segment``: paragraphs and passages, sized in words; ``sentences``: sentences (with
  ``abbreviations``);
- ``report``: what became of every block of one document (``qabot show``).
"""
