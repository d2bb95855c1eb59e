using LogPipeline.QueryUi.Hosting;

if (args is ["hash-password"])
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error);
}

return await QueryUiService.RunAsync(args);
