using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using TorchSharp;

namespace NmrDsl.Runtime.Tensors;

/// <summary>
/// One-time start-up of the tensor runtime (TorchSharp / libtorch). Call
/// <see cref="EnsureInitialized"/> before the first tensor is created; it is cheap after the first
/// call and safe from any thread.
/// </summary>
/// <remarks>
/// <para>On Linux it first tunes glibc's allocator: libtorch allocates and frees many mid-sized
/// buffers per training step, and glibc's default (mmap for blocks above a dynamic threshold, trim
/// the heap after every large free) turns each of them into page faults. Raising the mmap threshold
/// to 32 MiB and the trim threshold to 1e9 bytes made a PINN step ~25% faster (DESIGN.md).</para>
/// <para>It then loads the native libraries and sets the number of intra-op threads: the value of
/// <c>NMRDSL_TORCH_THREADS</c> if set, else libtorch's own choice if <c>OMP_NUM_THREADS</c> or
/// <c>MKL_NUM_THREADS</c> is set, else <see cref="Environment.ProcessorCount"/> (which, unlike
/// libtorch's default, honours container CPU limits).</para>
/// <para>A failure to load is remembered: later calls throw the same error instead of trying again
/// (a retry would make TorchSharp copy ~0.5 GB of natives into the output folder).</para>
/// </remarks>
public static class TorchRuntime
{
    /// <summary>Environment variable that fixes the number of libtorch intra-op threads.</summary>
    public const string ThreadsVariable = "NMRDSL_TORCH_THREADS";

    // glibc mallopt parameters (malloc.h).
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;
    private const int MmapThresholdBytes = 32 * 1024 * 1024;
    private const int TrimThresholdBytes = 1_000_000_000;

    private static readonly object Gate = new();
    private static volatile bool initialized;
    private static Exception? failure;

    /// <summary>True once <see cref="EnsureInitialized"/> has succeeded.</summary>
    public static bool IsInitialized => initialized;

    /// <summary>Whether the glibc allocator tuning was applied (false off Linux or off glibc).</summary>
    public static bool AllocatorTuned { get; private set; }

    /// <summary>The number of intra-op threads libtorch uses (0 before initialisation).</summary>
    public static int Threads { get; private set; }

    /// <summary>
    /// Tunes the allocator (Linux), loads libtorch and sets its thread count, once per process.
    /// </summary>
    /// <exception cref="TorchRuntimeException">The native libraries cannot be loaded.</exception>
    public static void EnsureInitialized()
    {
        if (initialized) return;
        lock (Gate)
        {
            if (initialized) return;
            if (failure is not null) throw new TorchRuntimeException(failure.Message, failure);

            AllocatorTuned = TuneGlibcAllocator();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = new TorchRuntimeException(DescribeLoadFailure(ex), ex);
                throw failure;
            }

            int? threads = RequestedThreads();
            if (threads is int n) torch.set_num_threads(n);
            Threads = torch.get_num_threads();
            initialized = true;
        }
    }

    private static int? RequestedThreads()
    {
        string? s = Environment.GetEnvironmentVariable(ThreadsVariable);
        if (!string.IsNullOrWhiteSpace(s))
        {
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0) return n;
            throw new TorchRuntimeException(
                $"{ThreadsVariable}='{s}' is not a positive whole number of threads.", null);
        }
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MKL_NUM_THREADS")))
        {
            return null; // libtorch reads these itself
        }
        return Math.Max(1, Environment.ProcessorCount);
    }

    private static bool TuneGlibcAllocator()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            bool a = NativeMethods.mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1;
            bool b = NativeMethods.mallopt(M_TRIM_THRESHOLD, TrimThresholdBytes) == 1;
            return a && b;
        }
        catch (DllNotFoundException)
        {
            return false; // not glibc (e.g. musl): nothing to tune
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static string DescribeLoadFailure(Exception ex)
    {
        string baseDir = AppContext.BaseDirectory;
        string rid = RuntimeInformation.RuntimeIdentifier;
        string glue = OperatingSystem.IsWindows() ? "LibTorchSharp.dll"
            : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        string nativeDir = Path.Combine(baseDir, "runtimes", OperatingSystem.IsLinux() ? "linux-x64" : rid, "native");
        string where = File.Exists(Path.Combine(nativeDir, glue))
            ? $"'{glue}' is present in '{nativeDir}' but did not load"
            : $"'{glue}' is missing from '{nativeDir}' (does the application reference TorchSharp and libtorch-cpu-linux-x64?)";
        string hint = OperatingSystem.IsLinux()
            ? " On Linux hosts whose libstdc++ lacks GLIBCXX_3.4.32 (e.g. Debian 12) the build marks that requirement weak in the NuGet cache (build/TorchSharpHostFix.targets): rebuild the application from this repository, or check 'readelf -V' shows 'GLIBCXX_3.4.32 Flags: WEAK' for the copy in the output folder."
            : string.Empty;
        return $"The libtorch native libraries could not be loaded: {where}.{hint} Cause: {ex.GetType().Name}: {ex.Message}";
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int mallopt(int param, int value);
    }
}

/// <summary>The tensor runtime (libtorch) could not be started.</summary>
public sealed class TorchRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TorchRuntimeException() { }

    /// <summary>Creates the exception with a message.</summary>
    public TorchRuntimeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public TorchRuntimeException(string message, Exception? innerException) : base(message, innerException) { }
}
