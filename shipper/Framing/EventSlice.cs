namespace LogPipeline.Shipper.Framing;

/// <summary>
/// One framed event inside a read buffer: its bytes are <c>buffer[Start..Start+Length]</c> (without the final line
/// terminator), its first byte is at <see cref="FileOffset"/> in the file, and the next event starts at
/// <see cref="NextOffset"/>.
/// </summary>
internal readonly record struct EventSlice(int Start, int Length, long FileOffset, long NextOffset, bool Split);
