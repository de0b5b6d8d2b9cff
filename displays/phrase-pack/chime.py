"""A two-tone chime (E5 then C5, soft attack and decay), 16-bit mono WAV."""
import math, struct, sys, wave

rate = 22050
samples = []
for freq, length in ((659.25, 0.45), (523.25, 0.75)):
    n = int(rate * length)
    for i in range(n):
        t = i / rate
        envelope = min(1.0, t / 0.02) * math.exp(-3.0 * t)
        value = envelope * (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t))
        samples.append(int(max(-1.0, min(1.0, value * 0.5)) * 32767))
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(rate)
    w.writeframes(struct.pack("<%dh" % len(samples), *samples))
