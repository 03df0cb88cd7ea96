#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) without any image library.

Run from this folder to regenerate them: python3 make-icons.py
The motif: a speech bubble (the bot answers) with three lines of text (the handreikingen).
"""
import struct
import zlib

ACCENT = (0x1F, 0x6F, 0x8B)
WHITE = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4


def rounded_rect(x, y, left, top, right, bottom, radius):
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def triangle(x, y, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = side((x, y), a, b), side((x, y), b, c), side((x, y), c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def bubble(x, y, s):
    """Speech bubble in a unit box scaled by s: body plus a tail at the lower left."""
    body = rounded_rect(x, y, 0.16 * s, 0.20 * s, 0.84 * s, 0.68 * s, 0.10 * s)
    tail = triangle(x, y, (0.26 * s, 0.64 * s), (0.44 * s, 0.64 * s), (0.22 * s, 0.84 * s))
    return body or tail


def text_lines(x, y, s):
    lines = [(0.30, 0.33, 0.70), (0.30, 0.44, 0.70), (0.30, 0.55, 0.56)]
    return any(rounded_rect(x, y, l * s, (t - 0.025) * s, r * s, (t + 0.025) * s, 0.025 * s) for l, t, r in lines)


def color_pixel(x, y, s):
    if text_lines(x, y, s):
        return ACCENT + (255,)
    if bubble(x, y, s):
        return WHITE + (255,)
    if rounded_rect(x, y, 0, 0, s, s, 0.18 * s):
        return ACCENT + (255,)
    return (0, 0, 0, 0)


def outline_pixel(x, y, s):
    # White outline of the bubble: inside the bubble but not inside a shrunken copy of it.
    inset = 0.09 * s
    inner = bubble((x - inset) * s / (s - 2 * inset), (y - inset) * s / (s - 2 * inset), s)
    if bubble(x, y, s) and not inner:
        return WHITE + (255,)
    if text_lines(x, y, s):
        return WHITE + (255,)
    return (255, 255, 255, 0)


def render(size, pixel):
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    r, g, b, a = pixel(px + (sx + 0.5) / n, py + (sy + 0.5) / n, size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (n * n)
            if acc[3]:
                rgb = [round(c / acc[3]) for c in acc[:3]]
            else:
                rgb = [255, 255, 255] if pixel is outline_pixel else [0, 0, 0]
            row += bytes(rgb + [round(alpha)])
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


write_png("color.png", 192, render(192, color_pixel))
write_png("outline.png", 32, render(32, outline_pixel))
