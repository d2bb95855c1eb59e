using LogPipeline.Shipper.Tools;

return args.FirstOrDefault() switch
{
    "write" => await LoadWriter.RunAsync(args[1..]),
    "receive" => await DiscardingReceiver.RunAsync(args[1..]),
    "tcp-sink" => await TcpSink.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: shipper-tools write --dir DIR --files N --rate LINES_PER_S --seconds S [--name access] [--reopen]
               shipper-tools receive --port P     (POST /v1/batches: gunzip, count lines, answer 200; GET /stats)
               shipper-tools tcp-sink --port P --stats-file F   (count newline-framed bytes on TCP; F gets "lines bytes")
        """);
    return 2;
}
