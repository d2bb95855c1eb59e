using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Formats;

/// <summary>HAProxy's default log format (no <c>option httplog</c>/<c>tcplog</c>): "Connect from ip:port to ip:port (fe/MODE)".</summary>
internal static class HaproxyConnect
{
    public static bool TryParse(string text, int p, EcsDocument document)
    {
        var tokens = new TokenReader(text, p);
        var from = tokens.Next();
        var to = tokens.Next() is "to" ? tokens.Next() : default;
        var proxy = tokens.Next();
        var slash = proxy.IndexOf('/');
        if (!HaproxyMatcher.TrySplitHostPort(from, out var sourceIp, out var sourcePort)
            || !HaproxyMatcher.TrySplitHostPort(to, out var destinationIp, out var destinationPort)
            || proxy.Length < 4 || proxy[0] != '(' || proxy[^1] != ')' || slash < 0)
        {
            return false;
        }

        Text.FieldText.SetAddress(document, "source", sourceIp.ToString());
        document.Set("source.port", sourcePort);
        Text.FieldText.SetAddress(document, "destination", destinationIp.ToString());
        document.Set("destination.port", destinationPort);
        document.Set("haproxy.frontend_name", proxy[1..slash].ToString());
        document.Set("haproxy.mode", proxy[(slash + 1)..^1].ToString());
        return true;
    }
}
