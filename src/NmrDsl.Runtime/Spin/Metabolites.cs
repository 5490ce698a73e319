using System.Linq;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Brain-metabolite proton spin systems, Govindaraju, Young &amp; Maudsley, NMR Biomed. 13 (2000) 129,
/// as tabulated (and cross-checked between FID-A, Vespa, spant and AGNOSTIC) in
/// /work/shared/reference/spin-dynamics.md §2.2–2.3. Shifts in ppm, J in Hz, reference 4.65 ppm (water).
/// </summary>
public static class Metabolites
{
    /// <summary>The water reference used by FID-A's <c>sim_press</c>, ppm.</summary>
    public const double WaterPpm = 4.65;

    /// <summary>Glutamate: H2 3.7433, H3 2.0375, H3′ 2.1200, H4 2.3378, H4′ 2.3520 ppm (one 5-spin group).</summary>
    public static SpinSystem Glutamate(double fieldTesla, double referencePpm = WaterPpm) => Protons(
        "Glu",
        fieldTesla,
        referencePpm,
        [("H2", 3.7433), ("H3", 2.0375), ("H3'", 2.1200), ("H4", 2.3378), ("H4'", 2.3520)],
        [(0, 1, 7.331), (0, 2, 4.651), (1, 2, -14.849), (1, 3, 6.413), (1, 4, 8.406), (2, 3, 8.478), (2, 4, 6.875), (3, 4, -15.915)]);

    /// <summary>
    /// Glutamine: H2 3.753, H3 2.129, H3′ 2.109, H4 2.432, H4′ 2.454 ppm (coupled) plus the uncoupled
    /// NH2 protons at 6.816 and 7.529 ppm.
    /// </summary>
    public static SpinSystem Glutamine(double fieldTesla, double referencePpm = WaterPpm) => Protons(
        "Gln",
        fieldTesla,
        referencePpm,
        [("H2", 3.753), ("H3", 2.129), ("H3'", 2.109), ("H4", 2.432), ("H4'", 2.454), ("NH2a", 6.816), ("NH2b", 7.529)],
        [(0, 1, 5.847), (0, 2, 6.500), (1, 2, -14.504), (1, 3, 9.165), (1, 4, 6.347), (2, 3, 6.324), (2, 4, 9.209), (3, 4, -15.371)]);

    /// <summary>Lactate, A3X: CH 4.0974 ppm, CH3 1.3142 ppm (three equivalent spins), J = 6.933 Hz.</summary>
    public static SpinSystem Lactate(double fieldTesla, double referencePpm = WaterPpm) => Protons(
        "Lac",
        fieldTesla,
        referencePpm,
        [("CH", 4.0974), ("CH3a", 1.3142), ("CH3b", 1.3142), ("CH3c", 1.3142)],
        [(0, 1, 6.933), (0, 2, 6.933), (0, 3, 6.933)]);

    private static SpinSystem Protons(string name, double fieldTesla, double referencePpm, (string Name, double Ppm)[] spins, (int A, int B, double Hz)[] couplings) =>
        new(name, spins.Select(s => new SpinSite(s.Name, Isotope.H1, s.Ppm)), couplings.Select(c => new ScalarCoupling(c.A, c.B, c.Hz)), fieldTesla, referencePpm);
}
