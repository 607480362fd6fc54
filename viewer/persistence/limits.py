"""The largest model file read, apart from the reader (Qt-free): an import
checks its output against it without importing what reads one."""

from __future__ import annotations

# Model files larger than this are refused before they are read, and so are
# gzip files whose JSON, once uncompressed, is larger (checked as it is
# unpacked, so such a file costs at most this much memory and the time to
# unpack it). 1 GiB: a 1,000,000-row ACLED import is 776 MB of JSON as
# written before issue 26 (less in the compact form written since), and it
# must open. Opening it peaks at 4.0 GB, the bytes and what they are decoded
# into (``orjson.loads`` of the same bytes alone: 5.2 GB;
# ``bench/bench_million.py``): some 5.5 GB at the limit, what a desktop
# with the memory for a million events has. Past it, a timeline needs a
# format read a column at a time, not one JSON document.
MAX_MODEL_BYTES = 1024 * 1024 * 1024
