using Microsoft.Extensions.Options;

namespace RiskIntel.Tests.Fakes;

/// <summary>Options that never change, for services that take an <see cref="IOptionsMonitor{TOptions}"/>.</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
