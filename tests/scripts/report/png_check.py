"""Checks a browser screenshot is a real rendering of report.html, not a blank or error page.

Usage: png_check.py FILE WIDTH HEIGHT
Decodes the PNG with zlib only (8-bit RGB/RGBA, non-interlaced, as Chromium writes them), then
requires the expected size, a rich palette, and enough pixels of the failure red (#cf222e) and
the success green (#1a7f37) that the report paints for failed and succeeded actions.
"""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {color})")
    bpp = 3 if color == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    width, height, bpp, rows = decode(path)
    if (width, height) != (want_w, want_h):
        sys.exit(f"{path}: {width}x{height}, want {want_w}x{want_h}")
    colours, red, green = set(), 0, 0
    for row in rows:
        for x in range(0, len(row), bpp):
            px = row[x:x + 3]
            colours.add(px)
            if px == b"\xcf\x22\x2e":
                red += 1
            elif px == b"\x1a\x7f\x37":
                green += 1
    print(f"{path}: {width}x{height}, {len(colours)} colours, {red} red px, {green} green px")
    if len(colours) < 64:
        sys.exit("too few colours: blank or error page")
    if red < 500:
        sys.exit("the failure is not painted red")
    if green < 2000:
        sys.exit("succeeded actions are not painted green")


main()
