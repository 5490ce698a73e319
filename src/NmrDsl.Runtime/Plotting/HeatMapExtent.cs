namespace NmrDsl.Runtime.Plotting;

/// <summary>The data rectangle a heat map covers, in axis units: x from XMin to XMax, y from YMin to YMax.</summary>
public readonly record struct HeatMapExtent(double XMin, double XMax, double YMin, double YMax);
