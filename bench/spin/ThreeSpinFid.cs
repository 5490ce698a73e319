#:project ../../src/NmrDsl.Runtime/NmrDsl.Runtime.csproj
#:property PublishAot=false
// Writes the FID of a strongly coupled three-spin system after a PRESS-like sequence with a shaped
// pulse and coherence filters (NmrDsl.Runtime.Spin, Hilbert space), plus a JSON description of the
// Hamiltonian and sequence, for bench/spin/qutip_crosscheck.py.
// Usage: dotnet run bench/spin/ThreeSpinFid.cs -- OUTDIR
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NmrDsl.Runtime.Spin;

string outDir = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(outDir);

// Glu's H3, H3' and H2 (reference sheet §2.2) at 3 T, reference 4.65 ppm: H3/H3' are strongly coupled (Δν/J ≈ 0.7).
var system = new SpinSystem(
    "Glu-H2H3H3'",
    [new SpinSite("H3", Isotope.H1, 2.0375), new SpinSite("H3'", Isotope.H1, 2.1200), new SpinSite("H2", Isotope.H1, 3.7433)],
    [new ScalarCoupling(0, 1, -14.849), new ScalarCoupling(0, 2, 7.331), new ScalarCoupling(1, 2, 4.651)],
    3.0,
    4.65);
ShapedPulse refocus = SincGaussianPulse.Create(0.002, 20, 180, zeroCrossings: 1, phaseRadians: Math.PI / 2);
var acquisition = new Acquisition(1024, 1000, 0, -90);
var sequence = new PulseSequence(
    [
        new HardPulse(90, 0), new CoherenceFilter(-1), new Delay(0.007),
        refocus, new CoherenceFilter(1), new Delay(0.015),
        new HardPulse(180, 90), new CoherenceFilter(-1), new Delay(0.008),
    ],
    acquisition);
Fid fid = new HilbertSimulator(system).Simulate(sequence);

var csv = new StringBuilder("n,t,re,im\n");
for (int n = 0; n < fid.Points.Length; n++)
{
    csv.Append(CultureInfo.InvariantCulture, $"{n},{fid.TimeAt(n):R},{fid.Points[n].Real:R},{fid.Points[n].Imaginary:R}\n");
}

File.WriteAllText(Path.Combine(outDir, "fid.csv"), csv.ToString());

object Describe(SequenceElement e) => e switch
{
    HardPulse p => new { type = "hard", flip_deg = p.FlipDegrees, phase_deg = p.PhaseDegrees },
    Delay d => new { type = "delay", seconds = d.Seconds },
    CoherenceFilter f => new { type = "filter", order = f.Order },
    ShapedPulse s => (object)new { type = "shaped", step_s = s.StepSeconds, x_hz = s.XHz, y_hz = s.YHz },
    _ => throw new InvalidOperationException(e.GetType().Name),
};

var description = new
{
    offsets_hz = Enumerable.Range(0, system.Count).Select(system.OffsetHz).ToArray(),
    couplings = system.Couplings.Select(c => new { i = c.First, j = c.Second, hz = c.Hz }).ToArray(),
    sequence = sequence.Elements.Select(Describe).ToArray(),
    points = acquisition.Points,
    sw_hz = acquisition.SpectralWidthHz,
    lb_hz = acquisition.LineBroadeningHz,
    receiver_phase_deg = acquisition.ReceiverPhaseDegrees,
};
File.WriteAllText(Path.Combine(outDir, "system.json"), JsonSerializer.Serialize(description, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine("wrote " + Path.Combine(outDir, "fid.csv"));
