using LogPipeline.LocalStack;

return await Launcher.RunAsync(args);
