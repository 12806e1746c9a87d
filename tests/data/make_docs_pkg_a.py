#!/usr/bin/env python3
# ruff: noqa: E501  (the embedded source texts keep their own line lengths)
"""Build tests/data/docs_pkg_a/: a documentation set written for training, used to measure (22 files).

* 16 files are copied from Debian / PyPI packages installed on the development machine:
  byte for byte, or gunzipped (Debian ships some docs as ``.gz``), except that the four
  PyPI ``METADATA`` files lose their RFC-822 header (everything up to the first blank line),
  leaving the README body.
* 6 files are generated here, deterministically (fixed dates and zip timestamps), from the
  Markdown texts embedded below: 3 PDFs (fpdf2) and 3 DOCX files (python-docx).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts); this script keeps its list of files, its texts, its small Markdown reader and its
heading sizes.

Sources are Debian packages whose folder under /usr/share/doc starts with a letter from a to l,
/usr/share/common-licenses, and PyPI packages (a to l) of the project venv.
Provenance and licences: tests/data/docs_pkg_a.md.  Usage::

    source /work/venv/bin/activate      # fpdf2 and python-docx
    python tests/data/make_docs_pkg_a.py [OUT_DIR]

A copied file whose source is missing on this machine is reported and left as it is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docsgen

DOC = Path("/usr/share/doc")
SITE = Path(sys.prefix) / "lib/python3.11/site-packages"
if not SITE.is_dir():
    SITE = Path("/work/venv/lib/python3.11/site-packages")

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = decompressed .gz,
# "metadata" = PyPI METADATA minus its RFC-822 header block
COPIES = [
    ("bc-manual.html", DOC / "bc/bc.html", "copy"),
    ("base-passwd-users-and-groups.html", DOC / "base-passwd/users-and-groups.html", "copy"),
    ("libxslt-faq.html", DOC / "libxslt1-dev/html/FAQ.html", "copy"),
    ("libffi-memory-usage.html", DOC / "libffi8/html/Memory-Usage.html", "copy"),
    ("libjpeg-turbo-readme.md", DOC / "libjpeg62-turbo-dev/README.md.gz", "gunzip"),
    ("libcbor-readme.md", DOC / "libcbor0.8/README.md", "copy"),
    ("jq-readme.md", DOC / "jq/README", "copy"),
    ("langcodes-readme.md", SITE / "langcodes-3.5.1.dist-info/METADATA", "metadata"),
    ("aiolimiter-readme.md", SITE / "aiolimiter-1.2.1.dist-info/METADATA", "metadata"),
    ("httpx-readme.md", SITE / "httpx-0.28.1.dist-info/METADATA", "metadata"),
    ("defusedxml-readme.txt", SITE / "defusedxml-0.7.1.dist-info/METADATA", "metadata"),
    ("dpkg-rootless-builds.txt", DOC / "dpkg/spec/rootless-builds.txt", "copy"),
    ("bash-restricted-shell.txt", DOC / "bash/RBASH", "copy"),
    ("adduser-readme.txt", DOC / "adduser/README.gz", "gunzip"),
    ("fakeroot-saving.txt", DOC / "fakeroot/README.saving", "copy"),
    ("mpl-1.1.txt", Path("/usr/share/common-licenses/MPL-1.1"), "copy"),
]

# --- embedded source texts -------------------------------------------------------------------
# Debian libgdk-pixbuf-2.0-0 2.42.10+dfsg-1+deb12u2: /usr/share/doc/libgdk-pixbuf-2.0-0/README.md
# (whole, verbatim).  LGPL-2.1-or-later (the README's own License section).
GDK_PIXBUF = r"""
GdkPixbuf: Image loading library
================================

GdkPixbuf is a library that loads image data in various formats and stores
it as linear buffers in memory. The buffers can then be scaled, composited,
modified, saved, or rendered.

GdkPixbuf can load image data encoded in different formats, such as:

 - PNG
 - JPEG
 - TIFF
 - TGA
 - GIF

Additionally, you can write a GdkPixbuf loader module and install it into
a well-known location, in order to load a file format.

GdkPixbuf is used by the [GTK](https://www.gtk.org) toolkit for loading
graphical assets.

## Building GdkPixbuf

### Requirements

In order to build GdkPixbuf you will need to have installed:

 - [Meson](http://mesonbuild.com)
 - A C99-compliant compiler and toolchain
 - [GLib's development files](https://gitlab.gnome.org/GNOME/glib/)

Depending on the image formats you want to support you will also need:

 - libpng's development files
 - libjpeg's development files
 - libtiff's development files

Additionally, you may need:

 - [shared-mime-info](https://freedesktop.org/wiki/Software/shared-mime-info/)
 - [GObject Introspection](https://gitlab.gnome.org/GNOME/gobject-introspection/)
 - [GI-DocGen](https://gitlab.gnome.org/ebassi/gi-docgen/)
 - mediaLib's development files

### Building and installing

You should use Meson to configure GdkPixbuf's build, and depending on the
platform you will be able to use Ninja, Visual Studio, or XCode to build
the project; typically, on most platforms, you should be able to use the
following commands to build and install GdkPixbuf in the default prefix:

```sh
$ meson setup _build .
$ meson compile -C _build
$ meson install -C _build
```

You can use Meson's `--prefix` argument to control the installation prefix
at configuration time.

You can also use `meson configure` from within the build directory to
check the current build configuration, and change its options.

#### Build options

You can specify the following options in the command line to `meson`:

 * `-Dgtk_doc=true` - Build the API reference documentation
 * `-Drelocatable=true` - Enable application bundle relocation support

For a complete list of build-time options, see the file
[`meson_options.txt`](meson_options.txt).  You can read about Meson
options in general [in the Meson manual](http://mesonbuild.com/Build-options.html).

## Running tests

You can run the test suite by running `meson test -C _build`, where
`_build` is the build directory you used during the build stage.

## License

GdkPixbuf is released under the terms of the GNU Lesser General Public
License version 2.1, or, at your option, any later version. See the
[COPYING](./COPYING) file for further details.
"""

# Debian libpango-1.0-0 1.50.12+ds-1: /usr/share/doc/libpango-1.0-0/README.md (whole, verbatim).
# LGPL-2+ (/usr/share/doc/libpango-1.0-0/copyright, Files: *).
PANGO = r"""
Pango
=====

Pango is a library for layout and rendering of text, with an emphasis
on internationalization. Pango can be used anywhere that text layout
is needed; however, most of the work on Pango so far has been done using
the GTK widget toolkit as a test platform. Pango forms the core of text
and font handling for GTK.

Pango is designed to be modular; the core Pango layout can be used
with different font backends. There are three basic backends, with
multiple options for rendering with each.

- Client-side fonts using the FreeType and FontConfig libraries.
  Rendering can be with with Cairo or Xft libraries, or directly
  to an in-memory buffer with no additional libraries.
- Native fonts on Microsoft Windows. Rendering can be done via Cairo
  or directly using the native Win32 API.
- Native fonts on MacOS X with the CoreText framework, rendering via
  Cairo.

The integration of Pango with [Cairo](https://cairographics.org)
provides a complete solution with high quality text handling and
graphics rendering.

As well as the low level layout rendering routines, Pango includes
PangoLayout, a high level driver for laying out entire blocks of text,
and routines to assist in editing internationalized text.

For more information about Pango, see:

 https://www.pango.org/

Dependencies
------------
Pango depends on the GLib library; more information about GLib can
be found at https://www.gtk.org/.

To use the Free Software stack backend, Pango depends on the following
libraries:

- [FontConfig](https://www.fontconfig.org) for font discovery,
- [FreeType](https://www.freetype.org) for font access,
- [HarfBuzz](http://www.harfbuzz.org) for complex text shaping
- [fribidi](http://fribidi.org) for bidirectional text handling

Cairo support depends on the [Cairo](https://cairographics.org) library.
The Cairo backend is the preferred backend to use Pango with and is
subject of most of the development in the future.  It has the
advantage that the same code can be used for display and printing.

We suggest using Pango with Cairo as described above, but you can also
do X-specific rendering using the Xft library. The Xft backend uses
version 2 of the Xft library to manage client side fonts. Version 2 of
Xft is available from https://xlibs.freedesktop.org/release/.  You'll
need the libXft package, and possibly the libXrender and renderext
packages as well.  You'll also need FontConfig.

Installation of Pango on Win32 is possible, see README.win32.

License
-------
Most of the code of Pango is licensed under the terms of the
GNU Lesser Public License (LGPL) - see the file COPYING for details.
"""

# Debian libsodium23 1.0.18-1+deb12u1: /usr/share/doc/libsodium23/README.markdown (whole, minus the
# four CI badge lines; the logo image line is replaced by its alt text "libsodium" as the title).  ISC.
SODIUM = r"""
libsodium
============

Sodium is a new, easy-to-use software library for encryption,
decryption, signatures, password hashing and more.

It is a portable, cross-compilable, installable, packageable
fork of [NaCl](http://nacl.cr.yp.to/), with a compatible API, and an
extended API to improve usability even further.

Its goal is to provide all of the core operations needed to build
higher-level cryptographic tools.

Sodium supports a variety of compilers and operating systems,
including Windows (with MingW or Visual Studio, x86 and x64), iOS, Android,
as well as Javascript and Webassembly.

## Documentation

The documentation is available on Gitbook and built from the [libsodium-doc](https://github.com/jedisct1/libsodium-doc) repository:

* [libsodium documentation](https://download.libsodium.org/doc/) -
online, requires Javascript.
* [offline documentation](https://www.gitbook.com/book/jedisct1/libsodium/details)
in PDF format.

## Integrity Checking

The integrity checking instructions (including the signing key for libsodium)
are available in the [installation](https://download.libsodium.org/doc/installation#integrity-checking)
section of the documentation.

## Community

A mailing-list is available to discuss libsodium.

In order to join, just send a random mail to `sodium-subscribe` {at}
`pureftpd` {dot} `org`.

## License

[ISC license](https://en.wikipedia.org/wiki/ISC_license).
"""

# Debian libglib2.0-0 2.74.6-2+deb12u8: /usr/share/doc/libglib2.0-0/README.md (whole, verbatim).
# LGPL-2.1-or-later (/usr/share/doc/libglib2.0-0/copyright, Files: *).
GLIB = r"""
# GLib

GLib is the low-level core library that forms the basis for projects such
as GTK and GNOME. It provides data structure handling for C, portability
wrappers, and interfaces for such runtime functionality as an event loop,
threads, dynamic loading, and an object system.

The official download locations are:
  <https://download.gnome.org/sources/glib>

The official web site is:
  <https://www.gtk.org/>

## Installation

See the file '[INSTALL.md](INSTALL.md)'

## Supported versions

Only the most recent unstable and stable release series are supported. All
older versions are not supported upstream and may contain bugs, some of
which may be exploitable security vulnerabilities.

See [SECURITY.md](SECURITY.md) for more details.

## Documentation

API documentation is available online for GLib for the:
 * [GLib](https://docs.gtk.org/glib/)
 * [GObject](https://docs.gtk.org/gobject/)
 * [GModule](https://docs.gtk.org/gmodule/)
 * [GIO](https://docs.gtk.org/gio/)

## Discussion

If you have a question about how to use GLib, seek help on [GNOME’s Discourse
instance](https://discourse.gnome.org/tags/glib). Alternatively, ask a question
on [StackOverflow and tag it `glib`](https://stackoverflow.com/questions/tagged/glib).

## Reporting bugs

Bugs should be [reported to the GNOME issue tracking system](https://gitlab.gnome.org/GNOME/glib/issues/new).
You will need to create an account for yourself. You may also submit bugs by
e-mail (without an account) by e-mailing <incoming+gnome-glib-658-issue-@gitlab.gnome.org>,
but this will give you a degraded experience.

Bugs are for reporting problems in GLib itself, not for asking questions about
how to use it. To ask questions, use one of our [discussion forums](#discussion).

In bug reports please include:

* Information about your system. For instance:
  * What operating system and version
  * For Linux, what version of the C library
  * And anything else you think is relevant.
* How to reproduce the bug.
  * If you can reproduce it with one of the test programs that are built
  in the `tests/` subdirectory, that will be most convenient.  Otherwise,
  please include a short test program that exhibits the behavior.
  As a last resort, you can also provide a pointer to a larger piece
  of software that can be downloaded.
* If the bug was a crash, the exact text that was printed out
  when the crash occurred.
* Further information such as stack traces may be useful, but
  is not necessary.

## Contributing to GLib

Please follow the [contribution guide](./CONTRIBUTING.md) to know how to
start contributing to GLib.

Patches should be [submitted as merge requests](https://gitlab.gnome.org/GNOME/glib/-/merge_requests/new)
to gitlab.gnome.org. If the patch fixes an existing issue, please refer to the
issue in your commit message with the following notation (for issue 123):
```
Closes: #123
```

Otherwise, create a new merge request that introduces the change. Filing a
separate issue is not required.

## Default branch renamed to `main`

The default development branch of GLib has been renamed to `main`. To update
your local checkout, use:
```sh
git checkout master
git branch -m master main
git fetch
git branch --unset-upstream
git branch -u origin/main
git symbolic-ref refs/remotes/origin/HEAD refs/remotes/origin/main
```
"""

# Debian libxmlsec1 1.2.37-2: /usr/share/doc/libxmlsec1/README.md (whole; the block of Ubuntu
# "apt install" commands becomes a Purpose | Packages table made of its comment and package words).  MIT.
XMLSEC = r"""
# XMLSec Library

XMLSec library provides C based implementation for major XML Security
standards:
- [XML Signature Syntax and Processing](https://www.w3.org/TR/xmldsig-core)
- [XML Encryption Syntax and Processing](https://www.w3.org/TR/xmlenc-core/)

## Documentation
Complete XMLSec library documentation is published on [XMLSec website](https://www.aleksey.com/xmlsec/).

## License
XMLSec library is released under the MIT Licence (see the [Copyright file](Copyright).

## Building and installing XMLSec

### Prerequisites
XMLSec requires the following libraries:
- [LibXML2](http://xmlsoft.org)
- [LibXSLT](http://xmlsoft.org/XSLT/)

And at least one of the following cryptographic libraries:
- [OpenSSL](http://www.openssl.org)
- [NSS](https://firefox-source-docs.mozilla.org/security/nss/index.html)
- [GCrypt/GnuTLS](https://www.gnutls.org/)
- MS Crypto API (Windows only)
- MS Crypto API NG (Windows only)

For example, the following packages need to be installed on Ubuntu to build
XMLSec library:
| Purpose | Packages (apt install) |
| --- | --- |
| common build tools | automake autoconf libtool libtool-bin gcc |
| ltdl is required to support dynamic crypto libs loading | libltdl7 libltdl-dev |
| core libxml2 and libxslt libraries | libxml2 libxml2-dev libxslt1.1 libxslt1-dev |
| openssl libraries | libssl1.1 libssl-dev |
| nspr/nss libraries | libnspr4 libnspr4-dev libnss3 libnss3-dev libnss3-tools |
| gcrypt/gnutls libraries | libgcrypt20 libgcrypt20-dev libgnutls28-dev |
| required for building man pages and docs | help2man man2html gtk-doc-tools |

### Building XMLSec on Linux, Unix, MacOSX, MinGW, Cygwin, etc

To build and install XMLSec library on Unix-like systems run the following commands:

```
  gunzip -c xmlsec1-xxx.tar.gz | tar xvf -
  cd xmlsec1-xxxx
  ./configure [possible options]
  make
  make check
  make install
```

To see the configuration options, run:

```
  ./configure --help
```


### Building XMLSec on Windows

See [win32/README.md](win32/README.md) for details.
"""

# Debian libjsoncpp25 1.9.5-4: /usr/share/doc/libjsoncpp25/README.md (whole, minus the four badge
# lines).  MIT, or public domain where recognized (the README's License section).
JSONCPP = r"""
# JsonCpp


[JSON][json-org] is a lightweight data-interchange format. It can represent
numbers, strings, ordered sequences of values, and collections of name/value
pairs.

[json-org]: http://json.org/

JsonCpp is a C++ library that allows manipulating JSON values, including
serialization and deserialization to and from strings. It can also preserve
existing comment in unserialization/serialization steps, making it a convenient
format to store user input files.


## Documentation

[JsonCpp documentation][JsonCpp-documentation] is generated using [Doxygen][].

[JsonCpp-documentation]: http://open-source-parsers.github.io/jsoncpp-docs/doxygen/index.html
[Doxygen]: http://www.doxygen.org


## A note on backward-compatibility

* `1.y.z` is built with C++11.
* `0.y.z` can be used with older compilers.
* `00.11.z` can be used both in old and new compilers.
* Major versions maintain binary-compatibility.

### Special note
The branch `00.11.z`is a new branch, its major version number `00` is to show that it is
different from `0.y.z` and `1.y.z`, the main purpose of this branch is to make a balance
between the other two branches. Thus, users can use some new features in this new branch
that introduced in 1.y.z, but can hardly applied into 0.y.z.

## Using JsonCpp in your project

### The vcpkg dependency manager
You can download and install JsonCpp using the [vcpkg](https://github.com/Microsoft/vcpkg/) dependency manager:

    git clone https://github.com/Microsoft/vcpkg.git
    cd vcpkg
    ./bootstrap-vcpkg.sh
    ./vcpkg integrate install
    ./vcpkg install jsoncpp

The JsonCpp port in vcpkg is kept up to date by Microsoft team members and community contributors. If the version is out of date, please [create an issue or pull request](https://github.com/Microsoft/vcpkg) on the vcpkg repository.

### Amalgamated source
https://github.com/open-source-parsers/jsoncpp/wiki/Amalgamated-(Possibly-outdated)

### The Meson Build System
If you are using the [Meson Build System](http://mesonbuild.com), then you can get a wrap file by downloading it from [Meson WrapDB](https://wrapdb.mesonbuild.com/jsoncpp), or simply use `meson wrap install jsoncpp`.

### Other ways
If you have trouble, see the [Wiki](https://github.com/open-source-parsers/jsoncpp/wiki), or post a question as an Issue.

## License

See the `LICENSE` file for details. In summary, JsonCpp is licensed under the
MIT license, or public domain if desired and recognized in your jurisdiction.
"""

# --- a small Markdown reader: blocks of (kind, ...) ------------------------------------------

LIST_RE = re.compile(r"^(\s*)([*-]|\d+\.)\s+(.*)$")
HEADING_KINDS = ["title", "h1", "h2", "h3"]


def inline(text: str) -> str:
    """Markdown inline markup to plain text, keeping the words (link targets are dropped)."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref]
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"<((?:https?://|mailto:)?[^<>\s]+[@.][^<>\s]+)>", r"\1", text)  # <autolinks>
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = text.replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def parse(md: str) -> list[tuple]:
    """Blocks: ("title"|"h1"|"h2"|"h3", text), ("p", text), ("li", level, ordered, number, text),
    ("code", text), ("table", header, rows)."""
    blocks: list[tuple] = []
    para: list[str] = []
    table: list[list[str]] = []
    indents: list[int] = []
    code: list[str] | None = None  # inside a fenced block
    in_li = False  # the previous non-blank line belonged to a list item (lazy continuation)
    prev_blank = True

    def flush() -> None:
        nonlocal para, table
        if para:
            blocks.append(("p", inline(" ".join(para))))
            para = []
        if table:
            blocks.append(("table", table[0], table[1:]))
            table = []

    def heading(level: int, text: str) -> None:
        nonlocal indents
        flush()
        indents = []
        if level == 0 and any(b[0] == "title" for b in blocks):
            level = 1
        blocks.append((HEADING_KINDS[min(level, 3)], inline(text)))

    for line in md.strip().split("\n"):
        if code is not None:  # fenced code
            if line.strip().startswith("```"):
                blocks.append(("code", "\n".join(code).strip("\n")))
                code = None
                prev_blank, in_li = False, False
            else:
                code.append(line)
            continue
        if line.strip().startswith("```"):
            flush()
            code = []
            continue
        if re.match(r"^\[[^\]]+\]:\s", line):  # link reference definitions
            continue
        if not line.strip():
            flush()
            prev_blank = True
            continue
        if line.startswith("    ") and prev_blank and not para and not in_li:  # indented code
            if blocks and blocks[-1][0] == "code" and blocks[-1][1].endswith("\n"):
                blocks[-1] = ("code", blocks[-1][1] + line[4:])
            else:
                blocks.append(("code", line[4:]))
            blocks[-1] = ("code", blocks[-1][1] + "\n")
            continue
        if blocks and blocks[-1][0] == "code" and blocks[-1][1].endswith("\n"):
            blocks[-1] = ("code", blocks[-1][1].rstrip("\n"))
        was_blank, prev_blank = prev_blank, False
        if line.startswith("|"):
            if para:
                flush()
            cells = docsgen.table_row(line, inline)
            if cells:
                table.append(cells)
            in_li = False
            continue
        if re.fullmatch(r"=+\s*|-+\s*", line) and len(para) == 1:  # setext heading
            text = para.pop()
            heading(0 if line.startswith("=") else 1, text)
            in_li = False
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            heading(len(m.group(1)) - 1, m.group(2))
            in_li = False
            continue
        m = LIST_RE.match(line)
        if m:
            flush()
            blocks.append(docsgen.list_item(m, indents, inline))
            in_li = True
            continue
        if blocks and blocks[-1][0] == "li" and not para and (in_li or line.startswith(" ")) \
                and not (was_blank and not line.startswith(" ")):
            blocks[-1] = docsgen.extend_item(blocks[-1], line, inline)  # continuation of an item
            continue
        indents = []
        in_li = False
        para.append(line)
    flush()
    if code is not None:
        blocks.append(("code", "\n".join(code)))
    return [(b[0], b[1].rstrip("\n")) if b[0] == "code" else b for b in blocks]


# --- the files --------------------------------------------------------------------------------

WRITE = docsgen.Writer("tests/data/make_docs_pkg_a.py", headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_pkg_a")
    docsgen.copy_sources(out, COPIES)
    WRITE.pdf(
        parse(GDK_PIXBUF),
        out / "gdk-pixbuf-readme.pdf",
        "GdkPixbuf: Image loading library",
        "GdkPixbuf developers",
        "What GdkPixbuf is, how to build, install and test it, and its licence",
        "GdkPixbuf, GTK, Meson, image loading",
    )
    WRITE.pdf(
        parse(PANGO),
        out / "pango-readme.pdf",
        "Pango",
        "Pango developers",
        "The Pango text layout library: backends, dependencies and licence",
        "Pango, text layout, Cairo, FreeType, HarfBuzz",
    )
    WRITE.pdf(
        parse(SODIUM),
        out / "libsodium-readme.pdf",
        "libsodium",
        "Frank Denis",
        "The Sodium cryptography library: documentation, integrity checking, community, licence",
        "libsodium, NaCl, cryptography",
    )
    WRITE.docx(
        parse(GLIB),
        out / "glib-readme.docx",
        "GLib",
        "GLib developers",
        "The GLib core library: supported versions, documentation, discussion and bug reports",
        "Debian package libglib2.0-0 2.74.6, /usr/share/doc/libglib2.0-0/README.md; LGPL-2.1-or-later",
        "GLib, GNOME, GTK, bug reports",
    )
    WRITE.docx(
        parse(XMLSEC),
        out / "xmlsec-readme.docx",
        "XMLSec Library",
        "Aleksey Sanin",
        "XML Signature and XML Encryption in C: prerequisites and building",
        "Debian package libxmlsec1 1.2.37, /usr/share/doc/libxmlsec1/README.md; MIT licence",
        "XMLSec, XML Signature, XML Encryption, OpenSSL, NSS, GnuTLS",
    )
    WRITE.docx(
        parse(JSONCPP),
        out / "jsoncpp-readme.docx",
        "JsonCpp",
        "JsonCpp developers",
        "The JsonCpp C++ JSON library: documentation, compatibility branches and installation",
        "Debian package libjsoncpp25 1.9.5, /usr/share/doc/libjsoncpp25/README.md; MIT licence",
        "JsonCpp, JSON, C++, vcpkg, Meson",
    )
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
