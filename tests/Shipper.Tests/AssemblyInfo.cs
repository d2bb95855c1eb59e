using System.Runtime.Versioning;

// The shipper is a Linux agent (statx, inotify, signals); its tests run real processes on Linux.
[assembly: SupportedOSPlatform("linux")]
