using LogPipeline.Ingest.Hosting;

return await IngestProgram.RunAsync(args);
