#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (zlib + struct), so no image tool is needed.

color.png   192x192, full-bleed accent background with a white shield and check mark.
outline.png 32x32, white shield outline on a transparent background (Teams requires white + transparent).

Run from anywhere: python3 infra/teams/make-icons.py  (writes next to this file; the PNGs are committed).
"""
import os
import struct
import zlib

ACCENT = (0xC4, 0x31, 0x4B)
WHITE = (0xFF, 0xFF, 0xFF)


def png(path, width, height, rows):
    """rows: list of bytes objects, each width*4 RGBA bytes."""
    raw = b"".join(b"\x00" + row for row in rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def in_shield(x, y):
    """Shield in unit coordinates (0..1): straight sides down to 55%, then curving to a point at the bottom."""
    if y < 0.08 or y > 0.95:
        return False
    half = 0.36
    if y > 0.55:
        t = (y - 0.55) / 0.40
        half = 0.36 * (1 - t * t)
    return abs(x - 0.5) <= half


def on_check(x, y, thickness):
    """Check mark: two strokes (0.32,0.50)->(0.45,0.65) and (0.45,0.65)->(0.70,0.36)."""
    def near_segment(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= thickness * thickness

    return near_segment(0.32, 0.50, 0.45, 0.65) or near_segment(0.45, 0.65, 0.70, 0.36)


def color_icon(size=192, samples=4):
    rows = []
    for j in range(size):
        row = bytearray()
        for i in range(size):
            hits = 0
            for sj in range(samples):
                for si in range(samples):
                    x = (i + (si + 0.5) / samples) / size
                    y = (j + (sj + 0.5) / samples) / size
                    if in_shield(x, y) and not on_check(x, y, 0.045):
                        hits += 1
            a = hits / (samples * samples)
            pixel = tuple(round(ACCENT[k] * (1 - a) + WHITE[k] * a) for k in range(3))
            row += bytes(pixel) + b"\xff"
        rows.append(bytes(row))
    return rows


def outline_icon(size=32):
    """Binary alpha: a pixel is white if it is inside the shield but not inside the shrunken shield."""
    rows = []
    for j in range(size):
        row = bytearray()
        for i in range(size):
            x, y = (i + 0.5) / size, (j + 0.5) / size
            inner = 0.5 + (x - 0.5) / 0.72, 0.08 + (y - 0.15) / 0.78
            edge = in_shield(x, y) and not in_shield(*inner)
            row += b"\xff\xff\xff\xff" if edge or (in_shield(x, y) and on_check(x, y, 0.05)) else b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    return rows


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    png(os.path.join(here, "color.png"), 192, 192, color_icon())
    png(os.path.join(here, "outline.png"), 32, 32, outline_icon())
