#!/usr/bin/env python3
# ruff: noqa: E501  (the embedded source texts keep their own line lengths)
"""Build tests/data/docs_fresh/: a fresh, held-out mixed-format document set (17 files).

* 13 files are copied from Debian / PyPI packages installed on the development machine:
  byte for byte, except that the three PyPI ``METADATA`` files lose their RFC-822 header
  (everything up to the first blank line), leaving the Markdown README body.
* 4 files are generated here, deterministically (fixed dates and zip timestamps), from the
  Markdown texts embedded verbatim below: 2 PDFs (fpdf2) and 2 DOCX files (python-docx).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts); this script keeps its list of files, its texts and its small Markdown reader.

Provenance and licences: tests/data/docs_fresh.md.  Usage::

    . .venv/bin/activate        # fpdf2 and python-docx
    python tests/data/make_docs_fresh.py [OUT_DIR]

A copied file whose source is missing on this machine is reported and left as it is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docsgen

HTML = Path("/usr/share/doc/python3.11/html")
VENV = Path(__file__).resolve().parents[2] / ".venv/lib/python3.11/site-packages"

# (file name, source path, transform) -- "copy" = byte for byte, "metadata" = drop RFC-822 header
COPIES = [
    ("howto-sorting.html", HTML / "howto/sorting.html", "copy"),
    ("howto-ipaddress.html", HTML / "howto/ipaddress.html", "copy"),
    ("library-secrets.html", HTML / "library/secrets.html", "copy"),
    ("library-tomllib.html", HTML / "library/tomllib.html", "copy"),
    ("faq-general.html", HTML / "faq/general.html", "copy"),
    ("cloudpickle-readme.md", VENV / "cloudpickle-3.1.3.dist-info/METADATA", "metadata"),
    ("idna-readme.md", VENV / "idna-3.20.dist-info/METADATA", "metadata"),
    ("msgpack-readme.md", VENV / "msgpack-1.2.4.dist-info/METADATA", "metadata"),
    ("psmisc-readme.md", Path("/usr/share/doc/psmisc/README.md"), "copy"),
    ("systemd-translators.md", Path("/usr/share/doc/systemd/TRANSLATORS.md"), "copy"),
    ("base-passwd-readme.txt", Path("/usr/share/doc/base-passwd/README"), "copy"),
    ("cscope-readme.txt", Path("/usr/share/doc/cscope/README"), "copy"),
    ("lgpl-3.0.txt", Path("/usr/share/common-licenses/LGPL-3"), "copy"),
]

# --- embedded source texts -------------------------------------------------------------------

# Debian nodejs 20.20.2: /usr/share/doc/nodejs/contributing/technical-values.md
# (whole, verbatim).  MIT licence, Copyright Node.js contributors.
TECHNICAL_VALUES = r"""
# Technical values and their priorities

The project uses these technical values to establish priorities and guide
collaboration.

These are the shared values as of this writing and will
evolve. We hope they are useful to people new
to the project in order to better understand which contributions
will be aligned with the current direction and as thinking
points when trading off between conflicting goals.

The factors influencing every discussion/decision are
different and priority 1 does not always trump priority 2
and so on.

## Values and priority level

* Priority 1 - Developer experience
* Priority 2 - Stability
* Priority 3 - Operational qualities
* Priority 4 - Node.js maintainer experience
* Priority 5 - Up to date technology and APIs

## Value descriptions

### 1 - Developer experience

We value ensuring that developers are productive and enjoy developing
with Node.js. Some key elements of this include:

* Approachability (both technical and community)
* Great documentation
* Bundling friction-reducing APIs and components, even though
  they could be provided externally
* Compatibility and interoperability with browsers and other JavaScript
  environments so that as much code as possible runs as is both in Node.js and
  in the other environments
* Enabling/supporting external packages to ensure overall developer experience

### 2 - Stability

Whenever possible, we seek to ensure that working code continues to work. To
keep the trust of developers and users, we value stability.
Some key elements of this include:

* Backward compatibility
* Stable releases on a predictable schedule
* A strong safety net, including testing how changes
  in Node.js affect popular packages
* Careful consideration of what goes into Long Term Support (LTS) releases

### 3 - Operational qualities

We value keeping Node.js safe, performant, and lightweight.
We value enabling the ability to investigate and debug problems in
development and production. Some key elements of this include:

* High throughput (speed)
* Fast startup
* Small binary size
* Small memory footprint
* High-quality debugging tools
* Robust diagnostic tools (profilers, etc.)
* Responsible security practices

### 4 - Node.js maintainer experience

We value the productivity and happiness of the Node.js maintainers.
Some key elements of this include:

* Approachability of the codebase
* Good internal documentation and guides
* Low-friction policies and processes
* Good CI and tooling to make maintainers productive

### 5 - Up to date technology and APIs

We value providing developers with modern APIs and technologies
following existing standards whenever possible.
Some key elements of this include:

* Participating in standards work and organizations
* Web API compatibility
* Supporting and exposing new technologies and standards through early adoption
"""

# Debian package systemd 252: /usr/share/doc/systemd/DISTRO_PORTING.md (whole, verbatim, minus the
# Jekyll front matter: title "Porting systemd To New Distributions", SPDX LGPL-2.1-or-later).
DISTRO_PORTING = r"""
# Porting systemd To New Distributions

## HOWTO

You need to make the follow changes to adapt systemd to your
distribution:

1. Find the right configure parameters for:

   * `-Drootprefix=`
   * `-Dsysvinit-path=`
   * `-Dsysvrcnd-path=`
   * `-Drc-local=`
   * `-Dloadkeys-path=`
   * `-Dsetfont-path=`
   * `-Dtty-gid=`
   * `-Dntp-servers=`
   * `-Ddns-servers=`
   * `-Dsupport-url=`

2. Try it out.

   Play around (as an ordinary user) with
   `/usr/lib/systemd/systemd --test --system` for a test run
   of systemd without booting. This will read the unit files and
   print the initial transaction it would execute during boot-up.
   This will also inform you about ordering loops and suchlike.

## Compilation options

The default configuration does not enable any optimization or hardening
options. This is suitable for development and testing, but not for end-user
installations.

For deployment, optimization (`-O2` or `-O3` compiler options), link time
optimization (`-Db_lto=true` meson option), and hardening (e.g.
`-D_FORTIFY_SOURCE=2`, `-fstack-protector-strong`, `-fstack-clash-protection`,
`-fcf-protection`, `-pie` compiler options, and `-z relro`, `-z now`,
`--as-needed` linker options) are recommended. The most appropriate set of
options depends on the architecture and distribution specifics so no default is
provided.

## NTP Pool

By default, systemd-timesyncd uses the Google Public NTP servers
`time[1-4].google.com`, if no other NTP configuration is available.
They serve time that uses a
[leap second smear](https://developers.google.com/time/smear)
and can be up to .5s off from servers that use stepped leap seconds.

If you prefer to use leap second steps, please register your own
vendor pool at ntp.org and make it the built-in default by
passing `-Dntp-servers=` to meson. Registering vendor
pools is [free](http://www.pool.ntp.org/en/vendors.html).

Use `-Dntp-servers=` to direct systemd-timesyncd to different fallback
NTP servers.

## DNS Servers

By default, systemd-resolved uses Cloudflare and Google Public DNS servers
`1.1.1.1`, `8.8.8.8`, `1.0.0.1`, `8.8.4.4`, `2606:4700:4700::1111`, `2001:4860:4860::8888`, `2606:4700:4700::1001`, `2001:4860:4860::8844`
as fallback, if no other DNS configuration is available.

Use `-Ddns-servers=` to direct systemd-resolved to different fallback
DNS servers.

## PAM

The default PAM config shipped by systemd is really bare bones.
It does not include many modules your distro might want to enable
to provide a more seamless experience. For example, limits set in
`/etc/security/limits.conf` will not be read unless you load `pam_limits`.
Make sure you add modules your distro expects from user services.

Pass `-Dpamconfdir=no` to meson to avoid installing this file and
instead install your own.

## Contributing Upstream

We generally do no longer accept distribution-specific patches to
systemd upstream. If you have to make changes to systemd's source code
to make it work on your distribution, unless your code is generic
enough to be generally useful, we are unlikely to merge it. Please
always consider adopting the upstream defaults. If that is not
possible, please maintain the relevant patches downstream.

Thank you for understanding.
"""

# Debian nodejs 20.20.2: /usr/share/doc/nodejs/contributing/components-in-core.md (whole).
# Words verbatim; layout changed: the two "Strong arguments" numbered lists are bullet lists
# here and the four-item "Benefits" list is a table (# | Benefit).
# MIT licence, Copyright Node.js contributors.
COMPONENTS_IN_CORE = r"""
# To be or not to be in core

This document explains things to consider when deciding whether a component
should be in core or not.

A component may be included in core as a dependency, a module, or integrated
into the code base. The same arguments for including/not including in core
generally apply in all of these cases.

## Strong arguments for including a component in core

* The component provides functionality that is standardized (such as a
  [Web API][]) and overlaps with existing functionality.
* The component can only be implemented in core.
* The component can only be implemented in a performant way in core.
* Developer experience is significantly improved if the component is in core.
* The component provides functionality that can be expected to solve at
  least one common use case Node.js users face.
* The component requires native bindings. Inclusion in core enables
  utility across operating systems and architectures without requiring
  users to have a native compilation toolchain.
* Part or all of the component will also be re-used or duplicated in core.

## Strong arguments against including a component in core

* None of the arguments listed in the previous section apply.
* The component has a license that prohibits Node.js from including it in core
  without also changing its own license.
* There is already similar functionality in core and adding the component will
  provide a second API to do the same thing.
* A component (or/and the standard it is based on) is deprecated and there is
  a non-deprecated alternative.
* The component is evolving quickly and inclusion in core will require frequent
  API changes.

## Benefits and challenges

When it is unclear whether a component should be included in core, it might be
helpful to consider these additional factors.

### Benefits

| # | Benefit |
| --- | --- |
| 1 | The component will receive more frequent testing with Node.js CI and CITGM. |
| 2 | The component will be integrated into the LTS workflow. |
| 3 | Documentation will be integrated with core. |
| 4 | There is no dependency on npm. |

### Challenges

1. Inclusion in core, rather than as an ecosystem module, is likely to reduce
   code merging velocity. The Node.js process for code review and merging is
   more time-consuming than that of most separate modules.
2. By being bound to the Node.js release cycle, it is harder and slower to
   publish patches.
3. Less flexibility for users. They can't update the component
   when they choose without also updating Node.js.

[Web API]: https://developer.mozilla.org/en-US/docs/Web/API
"""

# Debian nodejs 20.20.2: /usr/share/doc/nodejs/contributing/recognizing-contributors.md
# (whole).  Words verbatim; layout changed: the list of three sponsorship platforms (Markdown
# links) is a table (Sponsorship platform | Address, the address being the link target).
# MIT licence, Copyright Node.js contributors.
RECOGNIZING_CONTRIBUTORS = r"""
# Recognizing Contributors

The project looks to recognize and thank contributors for their contributions
as one of the ways we can help them continue to contribute to the project.

This document captures some of the processes we have in place to do that.

Some of the benefits we hope to achieve through these programs include:

* Ensuring people know that the project appreciates their work
* Encouraging people to repeat/grow their contributions
* Helping people demonstrate to their managers the value of the
  contributions they are making, which in terms helps their manager support
  their employer investing in the project (unfortunately this is
  something that matters)
* Highlighting the new features in Node.js and showing that they are
  being added by individuals like those mentioned. This should encourage
  other people to get involved and make similar contributions.
* Highlighting those leading efforts/initiatives and they are being
  done by individuals or teams like those mentioned. This should
  encourage other people to get involved and make similar contributions

## Sponsorship link on nodejs/node README.md

Collaborators may add a single link beside their name on the nodejs/node
[`README.md`](../../README.md) file in the section titled `Collaborators`
named `Support me`. This link may be:

1. a direct link to one of the sponsorship platforms listed below,
2. a page that has text explaining how to support the collaborator
   including zero or more links to the sponsorship platforms listed below.
   The page should not have any outgoing links other than to the
   sponsorship platforms. We expect and trust collaborators to ensure that
   the text is professional and respectful.

The sponsorship platforms to which links can be made currently
includes (in alphabetical order):

| Sponsorship platform | Address |
| --- | --- |
| GitHub Sponsors | https://github.com/sponsors |
| Polar | https://polar.sh/ |
| thanks.dev | https://thanks.dev |

## Amplification of posts announcing talks by collaborators

When a collaborator is speaking at a public event they may request amplification
by the Node.js social media accounts. They can request that a post highlighting
that they are speaking at the event be amplified by the Node.js accounts by
making a request in the #nodejs-social channel in the OpenJS Foundation slack.
We trust that collaborators will only request amplification when they believe
the event is relevant to the Node.js community and the content of the post is
in line with the norms of the project.

## Bi-monthly contributor spotlight

The contributor spotlight program showcases individual(s) or teams who have
made signification contributions to the project. Anybody who is not
a member of the Technical Steering Committee (TSC) and has made a
notable contribution to the project can be nominated. They DO NOT need
to be a collaborator, team member etc.

The work of the team or individual(s) will be showcased on the
Node.js social channels and, if warranted, through a blog post created by the
OpenJS marketing staff along with the team or individual(s) which will
be published on [openjsf.org](https://openjsf.org/).

Nominations can be made through this web form:
[Contributor Spotlight nomination](https://forms.gle/dXBXZn8yu83HLJ57A)

Nominations will be reviewed/approved by the Technical Steering Committee (TSC)
on a regular basis as scheduled by the TSC chair. The TSC will also
recommend the order in which approved nominations are processed
by the OpenJS marketing staff.

Before any work proceeds on an approved nomination the individual(s)
or team will be contacted to confirm they want to participate. Social
content and or spotlight blog post will only be published after the
team or individual(s) have confirmed they are happy with the content.
"""

# --- a small Markdown reader: blocks of (kind, ...) ------------------------------------------

LIST_RE = re.compile(r"^(\s*)([*-]|\d+\.)\s+(.*)$")


def inline(text: str) -> str:
    """Markdown inline markup to plain text, keeping the words (link targets are dropped)."""
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref]
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = text.replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def parse(md: str) -> list[tuple]:
    """Blocks: ("title"|"h1"|"h2", text), ("p", text), ("li", level, ordered, number, text),
    ("table", header, rows)."""
    blocks: list[tuple] = []
    para: list[str] = []
    table: list[list[str]] = []
    indents: list[int] = []

    def flush() -> None:
        nonlocal para, table
        if para:
            blocks.append(("p", inline(" ".join(para))))
            para = []
        if table:
            blocks.append(("table", table[0], table[1:]))
            table = []

    for line in md.strip().split("\n"):
        if re.match(r"^\[[^\]]+\]:\s", line):  # link reference definitions
            continue
        if line.startswith("|"):
            flush() if para else None
            cells = docsgen.table_row(line, inline)
            if cells:
                table.append(cells)
            continue
        if not line.strip():
            flush()
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            flush()
            indents = []
            blocks.append((["title", "h1", "h2"][len(m.group(1)) - 1], inline(m.group(2))))
            continue
        m = LIST_RE.match(line)
        if m:
            flush()
            blocks.append(docsgen.list_item(m, indents, inline))
            continue
        if line.startswith(" ") and blocks and blocks[-1][0] == "li" and not para:
            blocks[-1] = docsgen.extend_item(blocks[-1], line, inline)  # continuation of an item
            continue
        indents = []
        para.append(line)
    flush()
    return blocks


# --- the files --------------------------------------------------------------------------------

NODE = "Debian package nodejs 20.20.2, /usr/share/doc/nodejs/contributing/"
WRITE = docsgen.Writer("tests/data/make_docs_fresh.py")


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_fresh")
    docsgen.copy_sources(out, COPIES)
    WRITE.pdf(
        parse(TECHNICAL_VALUES),
        out / "nodejs-technical-values.pdf",
        "Technical values and their priorities",
        "Node.js contributors",
        "The five technical values of the Node.js project, in priority order",
        "Node.js, contributing, technical values",
    )
    WRITE.pdf(
        parse(DISTRO_PORTING),
        out / "systemd-distro-porting.pdf",
        "Porting systemd To New Distributions",
        "systemd contributors",
        "Configure parameters, compilation options and defaults for distribution packagers",
        "systemd, meson, packaging",
    )
    WRITE.docx(
        parse(COMPONENTS_IN_CORE),
        out / "nodejs-components-in-core.docx",
        "To be or not to be in core",
        "Node.js contributors",
        "Whether a component should be included in Node.js core",
        NODE + "components-in-core.md; MIT licence",
        "Node.js, contributing",
    )
    WRITE.docx(
        parse(RECOGNIZING_CONTRIBUTORS),
        out / "nodejs-recognizing-contributors.docx",
        "Recognizing Contributors",
        "Node.js contributors",
        "How the Node.js project recognizes and thanks contributors",
        NODE + "recognizing-contributors.md; MIT licence",
        "Node.js, contributing",
    )
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
