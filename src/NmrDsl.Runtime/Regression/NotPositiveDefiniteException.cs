using System;

namespace NmrDsl.Runtime.Regression;

/// <summary>A matrix that must be symmetric positive definite (kernel matrix plus ridge) is not, numerically.</summary>
public sealed class NotPositiveDefiniteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotPositiveDefiniteException() { }

    /// <summary>Creates the exception with a message.</summary>
    public NotPositiveDefiniteException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NotPositiveDefiniteException(string message, Exception? innerException) : base(message, innerException) { }
}
