// Entry point: the ingest web service. The lead engineer fills in the service; verbs (`parse`, `detect`) dispatch here.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
await app.RunAsync();
