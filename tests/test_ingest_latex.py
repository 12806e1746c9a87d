"""The LaTeX reader: a paper's source read as it renders."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.latex import looks_like_latex, read_latex
from retrieval.ingest.read import format_of, read_file

PAPER = r"""\documentclass[twocolumn]{article}
\usepackage{graphicx}
% the preamble is no text
\title{Robust Keyword Spotting in Noisy Classrooms}
\author{Maria Okafor \and Lena Brandt}
\begin{document}
\maketitle

\begin{abstract}
We study keyword spotting in noisy classrooms. Our model reaches a false rejection rate of
4.1\% at one false alarm per hour.
\end{abstract}

\section{Introduction}\label{sec:intro}
Voice assistants must cope with \emph{overlapping speech}~\cite{lee2019} and with
noise bursts from furniture.% a comment ending a line
\footnote{Chairs scrape, doors close.}
We collected the \textbf{ClassNoise} corpus --- 1,240 hours of audio.

\section{Method}
The training objective is the cross-entropy loss
\begin{equation}
  L(\theta) = -\sum \log p(y \mid x)
  \label{eq:loss}
\end{equation}
over keywords and a filler class. Our contributions are:
\begin{itemize}
  \item a corpus of real classroom audio;
  \item an augmentation scheme with recorded noise.
\end{itemize}

\subsection{Results}
\begin{table}
  \caption{False rejection rate at one false alarm per hour.}
  \begin{tabular}{lr}
    \hline
    System & FRR \\
    \hline
    DS-CNN & 6.5 \\
    Ours & 4.1 \\
    \hline
  \end{tabular}
\end{table}
Run the scorer with:
\begin{verbatim}
python score.py --fa 1
\end{verbatim}

\begin{thebibliography}{9}
\bibitem{lee2019} C. Lee. Speech recognition in classrooms. In
  \emph{Proceedings of Interspeech}, 2019.
\end{thebibliography}
\end{document}
"""


def rows(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(b.kind, b.text, b.section) for b in read_latex(text).blocks]


def test_a_papers_source_reads_as_rendered():
    parsed = read_latex(PAPER)
    assert parsed.meta == {"title": "Robust Keyword Spotting in Noisy Classrooms"}
    assert rows(PAPER) == [
        ("heading", "Abstract", ("Abstract",)),
        ("paragraph", "We study keyword spotting in noisy classrooms. Our model reaches a false "
         "rejection rate of 4.1% at one false alarm per hour.", ("Abstract",)),
        ("heading", "Introduction", ("Introduction",)),
        ("paragraph", "Voice assistants must cope with overlapping speech and with noise bursts "
         "from furniture. We collected the ClassNoise corpus — 1,240 hours of audio.",
         ("Introduction",)),
        ("paragraph", "Chairs scrape, doors close.", ("Introduction",)),
        ("heading", "Method", ("Method",)),
        ("paragraph", "The training objective is the cross-entropy loss over keywords and a "
         "filler class. Our contributions are:", ("Method",)),
        ("list_item", "a corpus of real classroom audio;", ("Method",)),
        ("list_item", "an augmentation scheme with recorded noise.", ("Method",)),
        ("heading", "Results", ("Method", "Results")),
        ("paragraph", "False rejection rate at one false alarm per hour.", ("Method", "Results")),
        ("table_row", "System | FRR", ("Method", "Results")),
        ("table_row", "System: DS-CNN; FRR: 6.5", ("Method", "Results")),
        ("table_row", "System: Ours; FRR: 4.1", ("Method", "Results")),
        ("paragraph", "Run the scorer with:", ("Method", "Results")),
        ("code", "python score.py --fa 1", ("Method", "Results")),
        ("heading", "References", ("References",)),
        ("list_item", "C. Lee. Speech recognition in classrooms. In Proceedings of Interspeech, "
         "2019.", ("References",)),
    ]


def test_a_tex_file_is_read_as_latex_and_a_txt_holding_latex_too(tmp_path: Path):
    # a .tex file was not read at all, and LaTeX in a .txt was quoted with its markup:
    # "\section{Introduction}" as a paragraph, "4.1\%", "~\cite{lee2019}"
    assert format_of("paper.tex") == "latex"
    draft = "\\section{Results}\nThe rate fell to 4.1\\%~\\cite{lee2019}, see \\emph{Table 1}.\n"
    for name in ("paper.tex", "draft.txt"):
        (tmp_path / name).write_text(draft, encoding="utf-8")
        assert [(b.kind, b.text) for b in read_file(tmp_path / name).blocks] == [
            ("heading", "Results"), ("paragraph", "The rate fell to 4.1%, see Table 1.")]


def test_plain_text_mentioning_a_command_is_not_latex():
    assert not looks_like_latex("To start a section, type \\section{Title} in your file.\n")
    assert looks_like_latex(PAPER)


def test_an_unknown_commands_arguments_read_as_words_apart():
    # "\moduleauthor{Joe Gregorio}{joe@bitworking.org}" read "Joe Gregoriojoe@bitworking.org"
    assert [b.text for b in read_latex(
        "\\section{Authors}\n\\moduleauthor{Joe Gregorio}{joe@example.org}\n").blocks] == [
        "Authors", "Joe Gregorio joe@example.org"]
