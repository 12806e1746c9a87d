#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind9/: a ninth held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- the
build, contribution and maintenance documents a software team indexes next to its manuals:
build guides (Node.js), contribution guides (urllib3, pyparsing, google-auth, Node.js issues
and onboarding, Node.js internal errors), maintainer procedures (Node.js root certificates),
reference pages (rustc's jobserver and check-cfg, the Node.js "About this documentation"
page, httplib2's cache objects, charset-normalizer's supported encodings), how-tos (pyasn1
and SSH keys, boto3's S3 examples), a proposal/specification (dpkg's Protected field), a
troubleshooting FAQ (groff's PROBLEMS), an advanced user guide (urllib3) and changelogs
(oauth2client, Python-RSA).

* 14 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by the two small readers below -- the
  words are the sources'; only their markup is turned into headings, paragraphs, list items,
  code and tables:

  - ``read_rst``: a Sphinx page read by docutils (with stand-ins for the Sphinx roles and
    directives it uses: a role shows its text, ``~a.b.C`` as ``C`` and ``title <target>`` as
    ``title``; ``code-block`` is code; ``module``/``currentmodule``/``toctree`` are dropped);
  - ``read_markdown``: a Markdown file read by markdown-it-py.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind9.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind9.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docreaders import read_markdown, read_rst

DOC = Path("/usr/share/doc")
SDK = Path("/usr/lib/google-cloud-sdk")
GS = SDK / "platform/gsutil"  # the Google Cloud SDK's gsutil
TP = GS / "third_party"  # gsutil's vendored packages
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("rustc-jobserver.html", RUST / "rustc/jobserver.html", "copy"),
    ("rustc-check-cfg.html", RUST / "rustc/check-cfg.html", "copy"),
    ("nodejs-about-documentation.html", DOC / "nodejs/api/documentation.html", "copy"),
    ("httplib2-cache-objects.html", TP / "httplib2/ref/cache-objects.html", "copy"),
    ("nodejs-reporting-issues.md", DOC / "nodejs/contributing/issues.md", "copy"),
    ("nodejs-maintaining-root-certs.md", DOC / "nodejs/contributing/maintaining/maintaining-root-certs.md", "copy"),
    ("pyparsing-contributing.md", TP / "pyparsing/CONTRIBUTING.md", "copy"),
    ("oauth2client-changelog.md", GS / "gslib/vendored/oauth2client/CHANGELOG.md", "copy"),
    ("urllib3-contributing.rst", TP / "urllib3/docs/contributing.rst", "copy"),
    ("charset-normalizer-support.rst", TP / "charset_normalizer/docs/user/support.rst", "copy"),
    ("boto3-s3-examples.rst", SDK / "lib/third_party/boto3/examples/s3.rst", "copy"),
    ("dpkg-protected-field.txt", DOC / "dpkg/spec/protected-field.txt", "copy"),
    ("rsa-changelog.txt", TP / "rsa/CHANGELOG.txt", "copy"),
    ("groff-problems.txt", DOC / "groff-base/PROBLEMS.gz", "gunzip"),
]




# --- a Sphinx page (reStructuredText, read by docutils) ---------------------------------------








# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("nodejs-building.pdf", read_markdown, DOC / "nodejs/BUILDING.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Building Node.js (BUILDING.md of Node.js 20.20.2)",
     "Node.js, building, compiling, toolchains, ICU, Intl, OpenSSL, Windows, macOS"),
    ("google-auth-contributing.pdf", read_rst, TP / "google-auth-library-python/CONTRIBUTING.rst",
     "Google LLC (google-auth-library-python)",
     "google-auth for Python: Contributing (CONTRIBUTING.rst)",
     "google-auth, contributing, tests, system tests, nox, coding style, CLA"),
    ("pyasn1-example-use-case.pdf", read_rst, TP / "pyasn1/docs/source/example-use-case.rst",
     "Ilya Etingof and the pyasn1 contributors",
     "pyasn1: Example use case (docs/source/example-use-case.rst)",
     "pyasn1, ASN.1, SSH keys, asn1ate, schema, decoder, encoder"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("nodejs-using-internal-errors.docx", read_markdown, DOC / "nodejs/contributing/using-internal-errors.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Using the internal/errors.js module (Node.js contributing guide)",
     "Rendered from doc/contributing/using-internal-errors.md of Debian's nodejs 20.20.2; MIT licence",
     "Node.js, internal/errors.js, error codes, contributing"),
    ("urllib3-advanced-usage.docx", read_rst, TP / "urllib3/docs/advanced-usage.rst",
     "Andrey Petrov and the urllib3 contributors",
     "urllib3: Advanced Usage (docs/advanced-usage.rst)",
     "Rendered from urllib3 2.2.2's docs/advanced-usage.rst as the Google Cloud SDK's gsutil vendors it; MIT licence",
     "urllib3, connection pools, proxies, SOCKS, TLS, certificates, Brotli, Zstandard"),
    ("nodejs-onboarding.docx", read_markdown, DOC / "nodejs/onboarding.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Onboarding (Node.js collaborators)",
     "Rendered from onboarding.md of Debian's nodejs 20.20.2; MIT licence",
     "Node.js, onboarding, collaborators, pull requests, issue tracker"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind9.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind9", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
