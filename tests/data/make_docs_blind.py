#!/usr/bin/env python3
# ruff: noqa: E501, W293  (the embedded source texts keep their own line lengths and whitespace-only lines)
"""Build tests/data/docs_blind/: a held-out mixed-format documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on.

* 14 files are copied from Debian / PyPI packages installed on the development machine:
  byte for byte, gunzipped byte for byte (the Debian ``.gz`` files), or -- the two PyPI
  ``METADATA`` files -- minus their RFC-822 header (everything up to the first blank line),
  leaving the Markdown README body.
* 6 files are generated here, deterministically (fixed dates and zip timestamps), from the
  texts embedded below: 3 PDFs (fpdf2) and 3 DOCX files (python-docx).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts); this script keeps its list of files, its texts and its small Markdown (and MyST)
reader (the one of make_docs_pkg_b.py, which also drops Markdown backslash escapes such as
``node\\_wasi.h``).

Provenance and licences: tests/data/docs_blind.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx and the PyPI sources
    python tests/data/make_docs_blind.py [OUT_DIR]

A copied file whose source is missing on this machine is reported and left as it is.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

import docsgen
from mdreader import parse

DOC = Path("/usr/share/doc")
# site-packages of the interpreter running this script (the project venv, which holds the
# PyPI packages whose METADATA is copied)
VENV = Path(sysconfig.get_paths()["purelib"])

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = decompressed byte
# for byte, "metadata" = PyPI METADATA minus its RFC-822 header block
COPIES = [
    ("valgrind-lackey-manual.html", DOC / "valgrind/html/lk-manual.html", "copy"),
    ("node-string-decoder.html", DOC / "nodejs/api/string_decoder.html", "copy"),
    ("libxslt-tutorial.html", DOC / "libxslt1-dev/html/tutorial/libxslttutorial.html", "copy"),
    ("libffi-primitive-types.html", DOC / "libffi8/html/Primitive-Types.html", "copy"),
    ("xtrans-manual.html", DOC / "xtrans-dev/xtrans.html", "copy"),
    ("annotated-types-readme.md", VENV / "annotated_types-0.8.0.dist-info/METADATA", "metadata"),
    ("urllib3-readme.md", VENV / "urllib3-2.8.0.dist-info/METADATA", "metadata"),
    ("tk-readme.md", DOC / "tk8.6/README.md", "copy"),
    ("systemd-environment.md", DOC / "systemd/ENVIRONMENT.md.gz", "gunzip"),
    ("pip-vcs-support.md", DOC / "python3-pip/html/topics/vcs-support.md.gz", "gunzip"),
    ("gcc-reporting-bugs.txt", DOC / "gcc-12-base/README.Bugs", "copy"),
    ("findutils-readme.txt", DOC / "findutils/README.gz", "gunzip"),
    ("x11-damage-protocol.txt", DOC / "x11proto-dev/damageproto.txt.gz", "gunzip"),
    ("coreutils-readme.txt", DOC / "coreutils/README.gz", "gunzip"),
]

# --- embedded source texts -------------------------------------------------------------------

# Debian libidn2-0 2.3.3-1+b1: /usr/share/doc/libidn2-0/README.md.gz (gunzipped; whole, verbatim).
# GPL-3+ (/usr/share/doc/libidn2-0/copyright, Files: *).
LIBIDN2_README = r"""
# Libidn2 README -- Introduction information

Libidn2 is a free software implementation of IDNA2008, Punycode and
Unicode TR46.  Its purpose is to encode and decode internationalized
domain names.

For technical reference, see:

 * [IDNA2008 Framework](https://tools.ietf.org/html/rfc5890)
 * [IDNA2008 Protocol](https://tools.ietf.org/html/rfc5891)
 * [IDNA2008 Unicode tables](https://tools.ietf.org/html/rfc5892)
 * [IDNA2008 Bidi rule](https://tools.ietf.org/html/rfc5893)
 * [Punycode](https://tools.ietf.org/html/rfc3492)
 * [Unicode IDNA Compatibility Processing](https://www.unicode.org/reports/tr46/)

The library contains functionality to convert internationalized domain
names to and from ASCII Compatible Encoding (ACE).

The API consists of two main functions, `idn2_to_ascii_8z` for
converting data from UTF-8 to ASCII Compatible Encoding (ACE), and
`idn2_to_unicode_8z8z` to convert ACE names into UTF-8 format. There
are several variations of these main functions, which accept UTF-32,
or input in the local system encoding. All functions assume
zero-terminated strings.

This library is backwards (API) compatible with the [libidn
library](https://www.gnu.org/software/libidn/).  Replacing the
`idna.h` header with `idn2.h` into a program is sufficient to switch
the application from IDNA2003 to IDNA2008 as supported by this
library.

Libidn2 is believed to be a complete IDNA2008 and TR46 implementation,
it contains an extensive test-suite, and is included in the continuous
fuzzing project
[OSS-Fuzz](https://bugs.chromium.org/p/oss-fuzz/issues/list?q=libidn2).

You can check the current test code coverage
[here](https://libidn.gitlab.io/libidn2/coverage/index.html) and the
current fuzzing code coverage
[here](https://libidn.gitlab.io/libidn2/fuzz-coverage/index.html).


# License

The installed C library libidn2 is dual-licensed under LGPLv3+|GPLv2+,
while the rest of the package is GPLv3+.  See the file
[COPYING](COPYING) for detailed information.


# Online docs

[API reference](https://libidn.gitlab.io/libidn2/reference/api-index-full.html)

[Manual](https://libidn.gitlab.io/libidn2/manual/libidn2.html)


# Obtaining the source

Software releases of libidn2 can be downloaded from
https://ftp.gnu.org/gnu/libidn/ and ftp://ftp.gnu.org/gnu/libidn/

Development of libidn2 is organized [through GitLab
website](https://gitlab.com/libidn/libidn2), and there is [an issue
tracker for reporting bugs](https://gitlab.com/libidn/libidn2/issues).


# Dependencies

To build Libidn2 you will need a POSIX shell to run ./configure, the
Unix "make" tool, and a C compiler to build the library.

 * [Bash](https://www.gnu.org/software/bash/)
 * [Make](https://www.gnu.org/software/make/)
 * [C compiler](https://www.gnu.org/software/gcc/)

The shared libidn2 library may use GNU libunistring for Unicode
processing and GNU libiconv for character set conversion.  It is
recommended to install them before building and installing libidn2.
See the following links for more information on these packages:

 * [Unistring](https://www.gnu.org/software/libunistring/)
 * [iconv](https://www.gnu.org/software/libiconv/)

The iconv dependency is optional -- it is required for the functions
involving locale to UTF8 conversions -- but is recommended.

When the recommended libunistring is not available, libidn2 provides
replacement functionality which increases the size of the library.


# Contributing

See [the contributing document](CONTRIBUTING.md).


# Estimating code coverage

Dependencies:
 * [lcov](https://github.com/linux-test-project/lcov) (for code coverage)

To test the code coverage of the test suite use the following:
```
$ ./configure --enable-code-coverage
$ make && make check && make code-coverage-capture
```

The current coverage report can be found [here](https://libidn.gitlab.io/libidn2/coverage/).


# Fuzzing

Libidn2 is being continuously fuzzed by [OSS-Fuzz](https://github.com/google/oss-fuzz).

Of course you can do local fuzzing on your own, see `fuzz/README.md` for instructions.

The code coverage of our fuzzers can be found [here](https://libidn.gitlab.io/libidn2/fuzz-coverage/).
"""

# Debian python3-pip 23.0.1+dfsg-1: /usr/share/doc/python3-pip/html/topics/authentication.md
# (whole, verbatim MyST).  MIT (Expat), Copyright The pip developers.
PIP_AUTHENTICATION = r"""
# Authentication

## Basic HTTP authentication

pip supports basic HTTP-based authentication credentials. This is done by
providing the username (and optionally password) in the URL:

```
https://username:password@pypi.company.com/simple
```

For indexes that only require single-part authentication tokens, provide the
token as the "username" and do not provide a password:

```
https://0123456789abcdef@pypi.company.com/simple
```

### Percent-encoding special characters

```{versionadded} 10.0
```

Certain special characters are not valid in the credential part of a URL.
If the user or password part of your login credentials contain any of these
[special characters][reserved-chars], then they must be percent-encoded. As an
example, for a user with username `user` and password `he//o` accessing a
repository at `pypi.company.com/simple`, the URL with credentials would look
like:

```
https://user:he%2F%2Fo@pypi.company.com/simple
```

[reserved-chars]: https://en.wikipedia.org/wiki/Percent-encoding#Percent-encoding_reserved_characters

## netrc support

pip supports loading credentials from a user's `.netrc` file. If no credentials
are part of the URL, pip will attempt to get authentication credentials for the
URL's hostname from the user's `.netrc` file. This behaviour comes from the
underlying use of {pypi}`requests`, which in turn delegates it to the
[Python standard library's `netrc` module][netrc-std-lib].

```{note}
As mentioned in the [standard library documentation for netrc][netrc-std-lib],
only ASCII characters are allowed in `.netrc` files. Whitespace and
non-printable characters are not allowed in passwords.
```

Below is an example `.netrc`, for the host `example.com`, with a user named
`daniel`, using the password `qwerty`:

```
machine example.com
login daniel
password qwerty
```

More information about the `.netrc` file format can be found in the GNU [`ftp`
man pages][netrc-docs].

[netrc-docs]: https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html
[netrc-std-lib]: https://docs.python.org/3/library/netrc.html

## Keyring Support

pip supports loading credentials stored in your keyring using the
{pypi}`keyring` library.

pip will first try to use `keyring` in the same environment as itself and
fallback to using any `keyring` installation which is available on `PATH`.

Therefore, either of the following setups will work:

```bash
$ pip install keyring  # install keyring from PyPI into same environment as pip
$ echo "your-password" | keyring set pypi.company.com your-username
$ pip install your-package --index-url https://pypi.company.com/
```

or

```bash
$ pipx install keyring  # install keyring from PyPI into standalone environment
$ echo "your-password" | keyring set pypi.company.com your-username
$ pip install your-package --index-url https://pypi.company.com/
```

Note that `keyring` (the Python package) needs to be installed separately from
pip. This can create a bootstrapping issue if you need the credentials stored in
the keyring to download and install keyring.

It is, thus, expected that users that wish to use pip's keyring support have
some mechanism for downloading and installing {pypi}`keyring`.
"""

# Debian nodejs 20.20.2: /usr/share/doc/nodejs/contributing/feature-request-management.md
# (whole, verbatim).  MIT, Copyright Node.js contributors.
NODEJS_FEATURE_REQUESTS = r"""
# Feature request management

Feature requests are a valuable source of input to the project.
They help our maintainers understand what additions will be of
value to users of the Node.js runtime.

At the same time, the project is volunteer run and does not
have the ability to direct resources toward specific work. The
features which are implemented are those for which volunteers
are individually motivated to work on. The best way to ensure
a feature gets implemented is to create a PR to add it.
The project strives to support people who do that.

An open feature request does not provide any indication that work
on that feature will take place and after some period of time
may be detrimental as it may result in an expectation that will
never be fulfilled.

This process tries to balance retaining the valuable input
we get through feature requests and the overhead of
maintaining open feature requests that will never get
implemented.

## Creating feature requests

A feature request can be created by adding the `feature request`
label to an issue. This may be done automatically when the issue
is opened or at a later point (often when investigation of a bug
report results in it being considered a feature request as opposed
to a bug).

The current list of feature requests can be found through the
[is:issue is:open label:"feature request"](https://github.com/nodejs/node/issues?q=is%3Aissue+is%3Aopen+label%3A%22feature+request%22)
query.

## Triage of feature requests

There is no set process for triaging/handling feature requests.
Individual collaborators review issues marked as `feature request`
along with other issues and may or may not decide to
work on an implementation or advocate on their behalf.

If a collaborator believes a feature request must be implemented
they can add the `never-stale` label to the issue and it will
be excluded from the automated feature request handling
as outlined below.

## Expressing support for a feature request

If you come across a feature request and want to add your
support for that feature please express your support
with the thumbs up emoji as a reaction. At some point in the
future we may use this as additional input in the automated
handling of feature requests.

## Automated feature request handling

Our experience is that most feature requests that are
likely to be addressed, will be addressed within the first
6 months after they are submitted.

Once there has been no activity on a feature request for
5 months, the following comment will be added
to the issue:

```markdown
There has been no activity on this feature request for
5 months and it is unlikely to be implemented.
It will be closed 6 months after the last non-automated comment.

For more information on how the project manages
feature requests, please consult the
[feature request management document](https://github.com/nodejs/node/blob/HEAD/doc/contributing/feature-request-management.md).
```

If there is no additional activity/discussion on the
feature request in the next month, the following
comment is added to the issue and the issue will be
closed:

```markdown
There has been no activity on this feature request
and it is being closed. If you feel closing this issue is not the
right thing to do, please leave a comment.

For more information on how the project manages
feature requests, please consult the
[feature request management document](https://github.com/nodejs/node/blob/HEAD/doc/contributing/feature-request-management.md).
```
"""

# Debian at-spi2-core 2.46.0-5: /usr/share/doc/at-spi2-core/README.md.gz (gunzipped; whole,
# verbatim).  LGPL-2+ (/usr/share/doc/at-spi2-core/copyright, Files: *).
ATSPI_README = r"""
# Accessibility infrastructure

This repository contains the [DBus][DBus] interface definitions for
AT-SPI (Assistive Technology Service Provider Interface) — the core of
an accessibility stack for free software systems.  It also contains
the basic daemons of the accessibility stack, the ATK library to make
applications and GUI toolkits accessible, and the internal hooks
between AT-SPI and ATK.

The version control repository and bug tracker are at https://gitlab.gnome.org/GNOME/at-spi2-core/

You can visit an ever-changing roadmap in [`devel-docs/roadmap.md`](devel-docs/roadmap.md).

To write accessible applications, look into `atk` or your
programming language's bindings for the `xml` DBus interfaces
mentioned below.

While this module started within the [GNOME][GNOME] project's umbrella, it is not used
only in GNOME.  Other sources of relevant information about AT-SPI and Accessibility
include:

* [GNOME Accessibility wiki][gnome-a11y-wiki]
* [KDE Accessibility wiki][kde-a11y-wiki]
* [Accessibility documentation for GNOME users][docs-users]

## Documentation

* [ATK reference documentation][atk-docs]
* [libatspi reference documentation][libatspi-docs]

## Development resources

* [Code coverage report for the test suite][coverage]
* [Container registry for CI images][registry]
* [Continuous integration pipelines][pipelines]
* [Development documentation](devel-docs/)

## Summary of this repository's contents

* `xml` - DBus interfaces for accessibility, described in DBus's XML introspection format.
  Ideally, your programming language's implementation of DBus makes use of these files to
  generate callable bindings.
  
* `bus` - Launcher for the session's accessibility bus; see its [README.md](bus/README.md)
  for details.

* `registryd` - Daemon that keeps track of accessible applications in the user's session,
  and lets them talk to each other and to assistive technologies (ATs) like screen
  readers.

* `atk` - GObject-based API to implement accessible applications and
  GUI toolkits.  It is not mandatory to use this library for an
  accessible application; your application or toolkit can use bindings to the
  `xml` DBus APIs directly.
  
* `atspi` - Hand-written binding for the `xml` DBus interface above, for use from C with
  [GObject][GObject].  This is not normally what you would use; use a language-specific
  binding instead.  This module is for use mainly by `atk-adaptor` below.
  
* `atk-adaptor` - Translates from the ATK API to the atspi API.
  Application programmers can ignore this and just consider it as an
  implementation detail.

* `dbind` - DBus utilities for use by `atspi` above.  `atspi` was written before the more
  modern C bindings like [GDBusConnection][GDBus] were available, so there is a lot of
  hand-written IPC here.
  
* `droute` - DBus utilities for use by `atk-adaptor` above.

* Documentation for the Gitlab [Continuous Integration pipeline](devel-docs/gitlab-ci.md).

## Historical note

Versions 1.x of AT-SPI were based on [CORBA][CORBA] for inter-process communication (IPC),
using GNOME's ORBit implementation thereof.  During the GNOME 2 and 3 release series,
CORBA was phased out in favor of [DBus][DBus], a more modern IPC mechanism.

The original CORBA interfaces for AT-SPI were based on Java's implementation of
accessibility.  Later, these CORBA interfaces were translated to DBus.  This is why the
interfaces sometimes have a 1990s feeling to them.

The project was started with a D-Bus performance review, the results of which are available
on the GNOME wiki. Keep in mind that the D-Bus AT-SPI design documents on this page have
not been kept up to date.

        https://wiki.gnome.org/Accessibility/Documentation/GNOME2/ATSPI2-Investigation


[CORBA]: https://en.wikipedia.org/wiki/Common_Object_Request_Broker_Architecture
[DBus]: https://www.freedesktop.org/wiki/Software/dbus/
[GObject]: https://docs.gtk.org/gobject/
[at-spi2-atk]: https://gitlab.gnome.org/GNOME/at-spi2-atk
[GDBus]: https://docs.gtk.org/gio/class.DBusConnection.html
[GNOME]: https://www.gnome.org
[docs-users]: https://help.gnome.org/users/gnome-help/stable/a11y.html
[gnome-a11y-wiki]: https://wiki.gnome.org/Accessibility
[kde-a11y-wiki]: https://community.kde.org/Accessibility
[atk-docs]: https://gnome.pages.gitlab.gnome.org/at-spi2-core/atk
[libatspi-docs]: https://gnome.pages.gitlab.gnome.org/at-spi2-core/libatspi
[coverage]: https://gnome.pages.gitlab.gnome.org/at-spi2-core/coverage/index.html
[registry]: https://gitlab.gnome.org/GNOME/at-spi2-core/container_registry
[pipelines]: https://gitlab.gnome.org/GNOME/at-spi2-core/-/pipelines
"""

# Debian nodejs 20.20.2: /usr/share/doc/nodejs/contributing/backporting-to-release-lines.md
# (whole, verbatim).  MIT, Copyright Node.js contributors.
NODEJS_BACKPORTING = r"""
# How to backport a pull request to a release line

## Staging branches

Each release line has a staging branch that serves as a workspace for preparing releases.
The branch format is `vN.x-staging`, where `N` is the major release number.

For active staging branches, refer to the [Release Schedule][].

## Identifying changes that require a backport

If a cherry-pick from `main` doesn't apply cleanly on a staging branch, the pull request
will be labeled for the release line (e.g., `backport-requested-vN.x`). This indicates
that manual backporting is required.

## Criteria for backporting

The "Current" release line is more flexible than LTS lines. LTS branches, detailed in the [Release Plan][],
require commits to mature in the Current release for at least two weeks before backporting.

## Labeling backport issues and PRs

Use the following labels, with `N` in `vN.x` denoting the major release number:

| Label                   | Description                                                         |
| ----------------------- | ------------------------------------------------------------------- |
| backport-blocked-vN.x   | PRs for `vN.x-staging` blocked by pending backports from other PRs. |
| backport-open-vN.x      | Indicates an open backport for the PR.                              |
| backport-requested-vN.x | PR awaiting manual backport to `vN.x-staging`.                      |
| backported-to-vN.x      | PR successfully backported to `vN.x-staging`.                       |
| baking-for-lts          | PRs awaiting LTS release after maturation in Current.               |
| lts-watch-vN.x          | PRs possibly included in `vN.x` LTS releases.                       |
| vN.x                    | Issues or PRs impacting `vN.x-staging` (or reproducible on vN.x).   |

## Submitting a backport pull request

For the following steps, let's assume that you need to backport PR `123`
to the vN.x release line. All commands will use the `vN.x-staging` branch
as the target branch. In order to submit a backport pull request to another
branch, simply replace `N` with the version number for the targeted release
line.

### Automated process

1. Ensure [`@node-core/utils`][] is installed.

2. Execute [`git node backport`][] command:

   ```bash
   # Example: Backport PR 123 to vN.x-staging
   git node backport 123 --to=N
   ```

3. Proceed to step 5 in the Manual section below.

### Manual process

1. Checkout the `vN.x-staging` branch.

2. Verify that the local staging branch is up to date with the remote.

3. Create a new branch based on `vN.x-staging`:

   ```bash
   git fetch upstream vN.x-staging:vN.x-staging -f
   git checkout -b backport-123-to-vN.x vN.x-staging
   ```

4. Cherry-pick the desired commit(s):

   ```bash
   git cherry-pick <commit hash>
   ```

5. Resolve conflicts using `git add` and `git cherry-pick --continue`.

6. Leave the commit message as is. If you think it should be modified, comment
   in the pull request. The `Backport-PR-URL` metadata does need to be added to
   the commit, but this will be done later.

7. Verify that `make -j4 test` passes.

8. Push the changes to your fork.

9. Open a pull request:

   * Target `vN.x-staging`.
   * Title format: `[vN.x backport] <commit title>` (e.g., `[v20.x backport] process: improve performance of nextTick`).
   * Reference the original PR in the description.

10. Update the `backport-requested-vN.x` label on the original pull request to `backport-open-vN.x`.

11. If conflicts arise during the review process, the following command be used to rebase:

    ```bash
    git pull --rebase upstream vN.x-staging
    ```

Once merged, update the original PR's label from `backport-open-vN.x` to `backported-to-vN.x`.

[Release Plan]: https://github.com/nodejs/Release#release-plan
[Release Schedule]: https://github.com/nodejs/Release#release-schedule
[`@node-core/utils`]: https://github.com/nodejs/node-core-utils
[`git node backport`]: https://github.com/nodejs/node-core-utils/blob/main/docs/git-node.md#git-node-backport
"""

# Debian nodejs 20.20.2: /usr/share/doc/nodejs/contributing/maintaining/maintaining-web-assembly.md
# (whole, verbatim).  MIT, Copyright Node.js contributors.
NODEJS_WEBASSEMBLY = r"""
# Maintaining WebAssembly

Support for [WebAssembly](https://webassembly.org/)
has been identified as one of the
[top technical priorities](https://github.com/nodejs/node/blob/main/doc/contributing/technical-priorities.md#webassembly)
for the future success of Node.js.

This document provides an overview of our high-level strategy for
supporting WebAssembly and information about our current implementation
as a starting point for contributors.

## High-level approach

The key elements of our WebAssembly strategy include:

* Up-to-date core WebAssembly support
* Support for high-level APIs
* Making it easy to load WebAssembly
* Making sure the core Node.js APIs are compatible with WebAssembly
  and can be called in an efficient manner from WebAssembly

### Up-to-date core WebAssembly support

Node.js gets its core WebAssembly support through V8. We don't need
to do anything specific to support this, all we have to do is keep
the version of V8 as up-to-date as possible.

### Key API support

As a runtime, Node.js must implement a number of APIs in addition
to the core WebAssembly support in order to be a good choice to run
WebAssembly. The project has currently identified these additional
APIs as important:

* WebAssembly System Interface (WASI). This provides the ability for
  WebAssembly to interact with the outside world. Node.js currently
  has an implementation (see below for more details).
* [WebAssembly Web API](https://www.w3.org/TR/wasm-web-api-1/). Node.js
  currently has an implementation of streaming module compilation and
  instantiation. As this and other specifications evolve, keeping up with them
  will be important.
* [WebAssembly Component Model](https://github.com/WebAssembly/component-model/).
  This API is still in the definition stage but the project should
  keep track of its development as a way to simplify native code
  integration.

### Making it as easy as possible to load WASM

The most important thing we can do on this front is to either find and
reference resources or provide resources on how to:

* Compile your WebAssembly code (outside of Node.js) and integrate that
  into an npm workflow.
* Load and run WebAssembly code in your Node.js application.

It is also important to support and track the ongoing work in ESM to enable
loading of WebAssembly with ESM.

### Making sure the core Node.js APIs are compatible with WebAssembly

Use cases for which Node.js will be a good runtime will include code
both in JavaScript and compiled into WebAssembly. It is important
that Node.js APIs are able to be called from WebAssembly in
an efficient manner without extra buffer copies. We need to:

* Review APIs and identify those that can be called often from
  WebAssembly.
* Where appropriate, make additions to identified APIs to allow
  a pre-existing buffer to be passed in order to avoid copies.

## Current implementation and assets

### WebAssembly System Interface (WASI)

The Node.js WASI implementation is maintained in the
[uvwasi](https://github.com/nodejs/uvwasi) repository in the
Node.js GitHub organization. As needed, an updated copy
is vendored into the Node.js deps in
[deps/uvwasi](https://github.com/nodejs/node/tree/main/deps/uvwasi).

In addition to the code from uvwasi, Node.js includes bindings and
APIs that allow WebAssembly to be run with WASI support from Node.js.
The documentation for this API is in
[WebAssembly System Interface (WASI)](https://nodejs.org/api/wasi.html).

The implementation of the bindings and the public API is in:

* [src/node\_wasi.h](https://github.com/nodejs/node/blob/main/src/node_wasi.h)
* [src/node\_wasi.cc](https://github.com/nodejs/node/blob/main/src/node_wasi.cc)
* [lib/wasi.js](https://github.com/nodejs/node/blob/main/lib/wasi.js)
"""

# --- the files --------------------------------------------------------------------------------

# in the DOCX, a "No Spacing" paragraph for each code line
WRITE = docsgen.Writer("tests/data/make_docs_blind.py", docx_code="lines")


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind")
    docsgen.copy_sources(out, COPIES)
    WRITE.pdf(
        parse(LIBIDN2_README),
        out / "libidn2-readme.pdf",
        "Libidn2 README",
        "Simon Josefsson and the Libidn2 contributors",
        "Introduction, licence, dependencies and fuzzing of the Libidn2 IDNA2008 library",
        "IDNA2008, Punycode, TR46, internationalized domain names",
    )
    WRITE.pdf(
        parse(PIP_AUTHENTICATION),
        out / "pip-authentication.pdf",
        "Authentication",
        "The pip developers",
        "How pip authenticates to package indexes: URLs, .netrc and keyring",
        "pip, authentication, netrc, keyring",
    )
    WRITE.pdf(
        parse(NODEJS_FEATURE_REQUESTS),
        out / "nodejs-feature-requests.pdf",
        "Feature request management",
        "Node.js contributors",
        "How the Node.js project creates, triages and closes feature requests",
        "Node.js, feature requests, issues",
    )
    WRITE.docx(
        parse(ATSPI_README),
        out / "at-spi2-core-readme.docx",
        "Accessibility infrastructure",
        "The at-spi2-core contributors",
        "What the at-spi2-core repository contains: AT-SPI DBus interfaces, daemons and ATK",
        "Debian package at-spi2-core 2.46.0, /usr/share/doc/at-spi2-core/README.md.gz; LGPL-2+",
        "accessibility, AT-SPI, ATK, DBus",
    )
    WRITE.docx(
        parse(NODEJS_BACKPORTING),
        out / "nodejs-backporting.docx",
        "How to backport a pull request to a release line",
        "Node.js contributors",
        "Staging branches, backport labels and the steps of a Node.js backport pull request",
        "Debian package nodejs 20.20.2, /usr/share/doc/nodejs/contributing/backporting-to-release-lines.md; MIT licence",
        "Node.js, backport, release lines",
    )
    WRITE.docx(
        parse(NODEJS_WEBASSEMBLY),
        out / "nodejs-webassembly.docx",
        "Maintaining WebAssembly",
        "Node.js contributors",
        "The Node.js strategy for supporting WebAssembly and its WASI implementation",
        "Debian package nodejs 20.20.2, /usr/share/doc/nodejs/contributing/maintaining/maintaining-web-assembly.md; MIT licence",
        "Node.js, WebAssembly, WASI",
    )
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
