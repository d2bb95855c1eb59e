namespace LogPipeline.Store.Sqlite;

/// <summary>The SQLite <c>synchronous</c> setting used for the WAL: what an acknowledged write survives.</summary>
public enum SqliteDurability
{
    /// <summary><c>synchronous=NORMAL</c>: survives a process crash; an OS crash or power loss may lose recent commits.</summary>
    Normal,

    /// <summary><c>synchronous=FULL</c>: every commit is fsynced; survives process crash, OS crash and power loss.</summary>
    Full,
}
