using BenchmarkDotNet.Running;

// Not typeof(Program): the bench references ingest, whose top-level Program is visible here too (InternalsVisibleTo).
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
