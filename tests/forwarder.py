"""A small round-robin HTTP forwarder on 127.0.0.1: the load balancer in front of replicas.

    async with Forwarder([port_a, port_b]) as lb:   # listens on lb.port
        POST http://127.0.0.1:{lb.port}/telegram     # -> a, then b, then a, ...
        lb.sent_to                                   # the replica index of each request

Each request (head and a Content-Length body) goes whole to the next replica in turn, and the
replica's status and body come back to the client; a replica that cannot be reached is a 502.
One request per connection, as the tests need; that is all it does.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import httpx

HOP_HEADERS = frozenset({"connection", "keep-alive", "transfer-encoding", "host",
                         "content-length"})


class Forwarder:
    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.sent_to: list[int] = []
        self._turn = itertools.cycle(range(len(ports)))
        self._server: asyncio.Server | None = None
        self._client = httpx.AsyncClient(timeout=30)
        self.port = 0

    async def __aenter__(self) -> Forwarder:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
        await self._client.aclose()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            request_line, *lines = head.split("\r\n")
            method, path, _ = request_line.split(" ", 2)
            headers = {}
            for line in lines:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            replica = next(self._turn)
            self.sent_to.append(replica)
            try:
                response = await self._client.request(
                    method, f"http://127.0.0.1:{self.ports[replica]}{path}", content=body,
                    headers={k: v for k, v in headers.items() if k not in HOP_HEADERS})
                status, content = response.status_code, response.content
            except httpx.TransportError:
                status, content = 502, b"replica unreachable\n"
            writer.write(f"HTTP/1.1 {status} X\r\nContent-Length: {len(content)}\r\n"
                         "Connection: close\r\n\r\n".encode() + content)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()
