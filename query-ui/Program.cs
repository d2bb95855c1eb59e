using LogPipeline.QueryUi.Hosting;

return await QueryUiService.RunAsync(args);
