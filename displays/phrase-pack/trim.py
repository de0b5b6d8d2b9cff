"""Trims the silence espeak-ng puts around a clip (keeping 40 ms), so joined clips sound like one sentence."""
import struct, sys, wave

for path in sys.argv[1:]:
    with wave.open(path, "rb") as r:
        params = r.getparams()
        frames = r.readframes(r.getnframes())
    samples = struct.unpack("<%dh" % (len(frames) // 2), frames)
    loud = [i for i, s in enumerate(samples) if abs(s) > 300]
    if not loud:
        continue
    pad = params.framerate // 25
    start, end = max(0, loud[0] - pad), min(len(samples), loud[-1] + pad)
    with wave.open(path, "wb") as w:
        w.setparams(params)
        w.writeframes(struct.pack("<%dh" % (end - start), *samples[start:end]))
