"""Lists one namespace of an ISO image with pycdlib, for discimage's interop tests.

usage: pycdlib_list.py IMAGE iso|joliet|rr

One line per entry, tab-separated, every path and target percent-escaped (UTF-8, then %XX for
'%', tab, newline, CR and bytes under 0x20 / over 0x7e):
    TYPE  SIZE  MODE  SHA256  TARGET  PATH
TYPE is f, d or l; MODE is octal permission bits (rr only) or '-'; SHA256 is '-' for non-files;
TARGET is '-' unless TYPE is l. The root is not listed.
"""
import hashlib
import io
import sys

import pycdlib


def esc(s):
    out = []
    for b in s.encode('utf-8', 'surrogateescape'):
        if b < 0x21 and b != 0x20 or b > 0x7e or b in (0x25,):
            out.append('%%%02X' % b)
        else:
            out.append(chr(b))
    return ''.join(out)


class Sha256Sink(io.RawIOBase):
    def __init__(self):
        self.h = hashlib.sha256()
        self.n = 0

    def writable(self):
        return True

    def write(self, b):
        self.h.update(b)
        self.n += len(b)
        return len(b)


def main():
    image, ns = sys.argv[1], sys.argv[2]
    key = {'iso': 'iso_path', 'joliet': 'joliet_path', 'rr': 'rr_path'}[ns]
    iso = pycdlib.PyCdlib()
    iso.open(image)
    out = sys.stdout
    for dirpath, dirs, files in iso.walk(**{key: '/'}):
        base = dirpath.rstrip('/')
        for d in sorted(dirs):
            path = base + '/' + d
            mode = '-'
            if ns == 'rr':
                rec = iso.get_record(rr_path=path)
                if rec.rock_ridge is not None:
                    mode = '%o' % (rec.rock_ridge.get_file_mode() & 0o7777)
            out.write('d\t-\t%s\t-\t-\t%s\n' % (mode, esc(path)))
        for f in sorted(files):
            path = base + '/' + f
            rec = iso.get_record(**{key: path})
            mode = '-'
            if ns == 'rr' and rec.rock_ridge is not None:
                mode = '%o' % (rec.rock_ridge.get_file_mode() & 0o7777)
                if rec.rock_ridge.is_symlink():
                    target = rec.rock_ridge.symlink_path()
                    if isinstance(target, bytes):
                        target = target.decode('utf-8', 'surrogateescape')
                    out.write('l\t-\t%s\t-\t%s\t%s\n' % (mode, esc(target), esc(path)))
                    continue
            if ns != 'rr' and rec.rock_ridge is not None and rec.rock_ridge.is_symlink():
                # the ISO 9660 / Joliet record of a Rock Ridge symlink: pycdlib refuses to read it
                size = rec.get_data_length()
                if size != 0:
                    raise SystemExit('symlink record %s has %d data bytes' % (path, size))
                out.write('f\t0\t-\t%s\t-\t%s\n' % (hashlib.sha256().hexdigest(), esc(path)))
                continue
            sink = Sha256Sink()
            iso.get_file_from_iso_fp(sink, **{key: path})
            out.write('f\t%d\t%s\t%s\t-\t%s\n' % (sink.n, mode, sink.h.hexdigest(), esc(path)))
    iso.close()


if __name__ == '__main__':
    main()
