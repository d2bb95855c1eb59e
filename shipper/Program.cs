using LogPipeline.Shipper.Hosting;

return await Cli.RunAsync(args, Console.Out, Console.Error);
