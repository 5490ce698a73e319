using System.Collections.Generic;

namespace NmrDsl.Generators.Diagnostics;

/// <summary>
/// Every diagnostic NmrDsl can report, in one place. ID ranges by phase:
/// NMR0xxx syntax (lexer, parser), NMR1xxx names and units (binder), NMR2xxx physics
/// (well-posedness of the declared problem), NMR3xxx emission, NMR9xxx the command-line driver
/// (reported by nmrdsl around the front end). docs/diagnostics.md documents each one; a test keeps
/// the two in step.
/// </summary>
public static class DiagnosticCatalog
{
    private const string Syntax = "Syntax";
    private const string Names = "NamesAndUnits";
    private const string Physics = "Physics";
    private const string Emit = "Emit";
    private const string Driver = "Driver";

    // NMR0xxx — syntax
    public static readonly DiagnosticDescriptorInfo FileNotFound = new("NMR0001", NmrSeverity.Error, "Spec file not found", "spec file '{0}' was not found", Syntax);
    public static readonly DiagnosticDescriptorInfo UnexpectedCharacter = new("NMR0002", NmrSeverity.Error, "Unexpected character", "unexpected character '{0}'", Syntax);
    public static readonly DiagnosticDescriptorInfo UnterminatedString = new("NMR0003", NmrSeverity.Error, "Unterminated string", "string literal is not terminated before the end of the line", Syntax);
    public static readonly DiagnosticDescriptorInfo MalformedNumber = new("NMR0004", NmrSeverity.Error, "Malformed number", "malformed number '{0}'", Syntax);
    public static readonly DiagnosticDescriptorInfo ExpectedToken = new("NMR0010", NmrSeverity.Error, "Expected token", "expected {0}, found {1}", Syntax);
    public static readonly DiagnosticDescriptorInfo UnknownMember = new("NMR0011", NmrSeverity.Error, "Unknown declaration", "unknown declaration '{0}' in a {1} block; expected one of: {2}", Syntax);
    public static readonly DiagnosticDescriptorInfo UnknownBlock = new("NMR0012", NmrSeverity.Error, "Unknown block", "unknown block '{0}'; a spec contains problem, spinsystem, sequence and echo blocks (descriptor and model blocks are planned)", Syntax);
    public static readonly DiagnosticDescriptorInfo MemberOutsideBlock = new("NMR0013", NmrSeverity.Error, "Declaration outside a block", "indented declaration '{0}' appears before any block", Syntax);
    public static readonly DiagnosticDescriptorInfo UnexpectedTrailing = new("NMR0014", NmrSeverity.Error, "Unexpected text", "unexpected {0} after the end of the declaration", Syntax);
    public static readonly DiagnosticDescriptorInfo ExpectedExpression = new("NMR0015", NmrSeverity.Error, "Expected expression", "expected an expression, found {0}", Syntax);
    public static readonly DiagnosticDescriptorInfo UnbalancedParenthesis = new("NMR0016", NmrSeverity.Error, "Unbalanced parenthesis", "'(' is not closed before the end of the line", Syntax);
    public static readonly DiagnosticDescriptorInfo EmptySpec = new("NMR0017", NmrSeverity.Warning, "Empty spec", "the spec declares no block", Syntax);
    public static readonly DiagnosticDescriptorInfo BlockNotIndented = new("NMR0018", NmrSeverity.Error, "Declaration not indented", "'{0}' starts at column 1; declarations inside a block are indented", Syntax);

    // NMR1xxx — names and units
    public static readonly DiagnosticDescriptorInfo UndefinedName = new("NMR1001", NmrSeverity.Error, "Undefined name", "'{0}' is not declared{1}", Names);
    public static readonly DiagnosticDescriptorInfo DuplicateDeclaration = new("NMR1002", NmrSeverity.Error, "Duplicate declaration", "'{0}' is already declared on line {1}", Names);
    public static readonly DiagnosticDescriptorInfo UnknownUnit = new("NMR1003", NmrSeverity.Error, "Unknown unit", "unknown unit '{0}'", Names);
    public static readonly DiagnosticDescriptorInfo IncompatibleSum = new("NMR1004", NmrSeverity.Error, "Dimension mismatch", "cannot {0} [{1}] and [{2}]: the dimensions differ", Names);
    public static readonly DiagnosticDescriptorInfo EquationDimension = new("NMR1005", NmrSeverity.Error, "Equation dimension mismatch", "the two sides of the {0} have different dimensions: [{1}] and [{2}]", Names);
    public static readonly DiagnosticDescriptorInfo DimensionlessArgument = new("NMR1006", NmrSeverity.Error, "Argument must be dimensionless", "the argument of {0} must be dimensionless, but it is [{1}]", Names);
    public static readonly DiagnosticDescriptorInfo BadExponent = new("NMR1007", NmrSeverity.Error, "Bad exponent", "{0}", Names);
    public static readonly DiagnosticDescriptorInfo BadRoot = new("NMR1008", NmrSeverity.Error, "Root of a dimension", "{0} of [{1}] is not a whole power of the SI base units", Names);
    public static readonly DiagnosticDescriptorInfo UnknownFunction = new("NMR1009", NmrSeverity.Error, "Unknown function", "{0}", Names);
    public static readonly DiagnosticDescriptorInfo CyclicDefinition = new("NMR1010", NmrSeverity.Error, "Cyclic definition", "'{0}' is defined in terms of itself ({1})", Names);
    public static readonly DiagnosticDescriptorInfo FieldDimension = new("NMR1011", NmrSeverity.Error, "Condition dimension mismatch", "{0} must have the dimension of {1} [{2}], but it is [{3}]", Names);
    public static readonly DiagnosticDescriptorInfo NonConstantParameter = new("NMR1012", NmrSeverity.Error, "Parameter default not constant", "the value of parameter '{0}' must be a constant (use 'let' for derived quantities); it refers to '{1}'", Names);
    public static readonly DiagnosticDescriptorInfo MissingMaterialProperty = new("NMR1013", NmrSeverity.Error, "Material property missing", "material property '{0}' is not given for region '{1}'", Names);
    public static readonly DiagnosticDescriptorInfo MaterialDimension = new("NMR1014", NmrSeverity.Error, "Material property dimension", "material property '{0}' is [{1}] in region '{2}' but [{3}] in region '{4}'", Names);
    public static readonly DiagnosticDescriptorInfo DomainDimension = new("NMR1017", NmrSeverity.Error, "Domain bound dimension", "the bounds of {0} '{1}' must be [{2}], but this one is [{3}]", Names);
    public static readonly DiagnosticDescriptorInfo UnknownRegion = new("NMR1018", NmrSeverity.Error, "Unknown region", "'{0}' is not a declared region", Names);
    public static readonly DiagnosticDescriptorInfo FieldUnitNotCoherent = new("NMR1020", NmrSeverity.Error, "Field unit not coherent SI", "a field's unit must be coherent SI (conversion factor 1), e.g. 'mol m^-3' rather than '{0}'; values given in other units are converted automatically", Names);
    public static readonly DiagnosticDescriptorInfo OperatorMisuse = new("NMR1019", NmrSeverity.Error, "Operator misuse", "{0}", Names);

    // NMR2xxx — physics
    public static readonly DiagnosticDescriptorInfo MissingGeometry = new("NMR2001", NmrSeverity.Error, "Missing geometry", "problem '{0}' declares no geometry (geometry slab|cylinder|sphere x in a .. b)", Physics);
    public static readonly DiagnosticDescriptorInfo MissingTime = new("NMR2002", NmrSeverity.Error, "Missing time", "problem '{0}' declares no time interval (time t in 0 .. T)", Physics);
    public static readonly DiagnosticDescriptorInfo FieldCount = new("NMR2003", NmrSeverity.Error, "Field count", "problem '{0}' must declare exactly one field for the finite-volume solver; it declares {1}", Physics);
    public static readonly DiagnosticDescriptorInfo MissingEquation = new("NMR2004", NmrSeverity.Error, "Missing equation", "problem '{0}' declares no equation", Physics);
    public static readonly DiagnosticDescriptorInfo NoTimeDerivative = new("NMR2005", NmrSeverity.Error, "No time derivative", "the equation has no time derivative dt({0}); steady problems are not supported yet", Physics);
    public static readonly DiagnosticDescriptorInfo NonlinearTimeDerivative = new("NMR2006", NmrSeverity.Error, "Nonlinear time derivative", "the coefficient of dt({0}) must not depend on {0} or its derivatives", Physics);
    public static readonly DiagnosticDescriptorInfo DivergenceCoefficient = new("NMR2007", NmrSeverity.Error, "Divergence coefficient", "div(...) must appear with a constant coefficient for a conservative discretisation; found {0}", Physics);
    public static readonly DiagnosticDescriptorInfo FluxForm = new("NMR2008", NmrSeverity.Error, "Flux form", "the argument of div must be K * grad({0}) with K independent of {0}; found {1}", Physics);
    public static readonly DiagnosticDescriptorInfo NonlinearSource = new("NMR2010", NmrSeverity.Error, "Nonlinear source", "the terms without derivatives must be affine in {0} (a + b*{0}) for the implicit solver; found {1}", Physics);
    public static readonly DiagnosticDescriptorInfo MissingBoundary = new("NMR2011", NmrSeverity.Error, "Missing boundary condition", "no boundary condition at {0} = {1}", Physics);
    public static readonly DiagnosticDescriptorInfo BoundaryAtRegularPoint = new("NMR2012", NmrSeverity.Error, "Boundary at the centre", "{0} = 0 is the centre of the {1}: regularity (d{2}/d{0} = 0) is imposed there; remove this boundary condition", Physics);
    public static readonly DiagnosticDescriptorInfo BoundaryNotAtEnd = new("NMR2013", NmrSeverity.Error, "Boundary not at a domain end", "a boundary condition must be at {0} = {1} or {0} = {2}", Physics);
    public static readonly DiagnosticDescriptorInfo RegionTiling = new("NMR2014", NmrSeverity.Error, "Regions do not tile the domain", "{0}", Physics);
    public static readonly DiagnosticDescriptorInfo MissingInitial = new("NMR2015", NmrSeverity.Error, "Missing initial condition", "no initial condition for field '{0}' (initial {0} = ...)", Physics);
    public static readonly DiagnosticDescriptorInfo DerivativeOfNonField = new("NMR2016", NmrSeverity.Error, "Derivative of a non-field", "{0}(...) applies to the field '{1}', not to '{2}'", Physics);
    public static readonly DiagnosticDescriptorInfo EmptyDomain = new("NMR2017", NmrSeverity.Error, "Empty interval", "the interval of '{0}' is empty or reversed: {1} .. {2}", Physics);
    public static readonly DiagnosticDescriptorInfo DuplicateBoundary = new("NMR2018", NmrSeverity.Error, "Duplicate boundary condition", "a boundary condition at {0} = {1} is already given on line {2}", Physics);
    public static readonly DiagnosticDescriptorInfo UnknownSolver = new("NMR2019", NmrSeverity.Error, "Unknown solver", "unknown solve method '{0}'; expected finite-volume or pinn", Physics);
    public static readonly DiagnosticDescriptorInfo BadSolverOption = new("NMR2020", NmrSeverity.Error, "Bad solver option", "{0}", Physics);
    public static readonly DiagnosticDescriptorInfo NoSolve = new("NMR2021", NmrSeverity.Warning, "No solve block", "problem '{0}' has no 'solve' line; 'solve finite-volume cells 200' is assumed", Physics);
    public static readonly DiagnosticDescriptorInfo RegularityOnSlab = new("NMR2022", NmrSeverity.Error, "Radial coordinate below 0", "a {0} is radial: its coordinate starts at 0 or above, but this one starts below 0", Physics);
    public static readonly DiagnosticDescriptorInfo TimeStart = new("NMR2024", NmrSeverity.Error, "Time does not start at 0", "the time interval must start at 0 (the initial condition is given at t = 0); shift the time origin", Physics);
    public static readonly DiagnosticDescriptorInfo LogScaleBound = new("NMR2025", NmrSeverity.Error, "Log-scale bound not positive", "a log-scale unknown needs a positive lower bound", Physics);
    public static readonly DiagnosticDescriptorInfo DataForUnknownObservable = new("NMR2026", NmrSeverity.Error, "Data for an undeclared observable", "'{0}' is not an observable of this problem; data can be given for: {1}", Physics);

    // NMR3xxx — emission
    public static readonly DiagnosticDescriptorInfo InvalidIdentifier = new("NMR3001", NmrSeverity.Error, "Name not usable in C#", "'{0}' cannot be used as a C# identifier in generated code: {1}", Emit);
    public static readonly DiagnosticDescriptorInfo InternalError = new("NMR3002", NmrSeverity.Error, "Internal compiler error", "internal error in the NmrDsl compiler while processing this spec: {0}. Please report it with the spec.", Emit);

    // NMR9xxx — the command-line driver (messages are composed by nmrdsl; see docs/cli.md)
    public static readonly DiagnosticDescriptorInfo FileUnreadable = new("NMR9001", NmrSeverity.Error, "Spec file unreadable", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo MalformedOverride = new("NMR9002", NmrSeverity.Error, "Malformed --set", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo UnknownOverride = new("NMR9003", NmrSeverity.Error, "Unknown --set name", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo NotOverridable = new("NMR9004", NmrSeverity.Error, "Declaration not overridable", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo IncompatibleOverrideUnit = new("NMR9005", NmrSeverity.Error, "Incompatible --set unit", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo DuplicateOverride = new("NMR9006", NmrSeverity.Error, "Duplicate --set", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo NoJob = new("NMR9007", NmrSeverity.Error, "No job to run", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo OutputCollision = new("NMR9008", NmrSeverity.Error, "Generated file collision", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo JobRejectedInput = new("NMR9009", NmrSeverity.Error, "Job rejected its input", "{0}", Driver);
    public static readonly DiagnosticDescriptorInfo MalformedData = new("NMR9010", NmrSeverity.Error, "Malformed data file", "{0}", Driver);

    // NMR41xx — spin systems and pulse sequences
    private const string Spin = "Spin";
    public static readonly DiagnosticDescriptorInfo UnknownSpin = new("NMR4101", NmrSeverity.Error, "Unknown spin", "'{0}' is not a spin of spin system '{1}'", Spin);
    public static readonly DiagnosticDescriptorInfo UnknownIsotope = new("NMR4102", NmrSeverity.Error, "Unknown isotope", "unknown isotope '{0}'; known isotopes: {1}", Spin);
    public static readonly DiagnosticDescriptorInfo NotSpinHalf = new("NMR4103", NmrSeverity.Error, "Not a spin-1/2 nucleus", "isotope '{0}' has spin {1}; only spin-1/2 nuclei are supported", Spin);
    public static readonly DiagnosticDescriptorInfo DuplicateSpinDeclaration = new("NMR4104", NmrSeverity.Error, "Duplicate spin declaration", "{0} is already declared on line {1}", Spin);
    public static readonly DiagnosticDescriptorInfo MissingAcquire = new("NMR4105", NmrSeverity.Error, "Missing acquire", "sequence '{0}' has no 'acquire N points sw W Hz' line", Spin);
    public static readonly DiagnosticDescriptorInfo UnknownSpinSystem = new("NMR4106", NmrSeverity.Error, "Unknown spin system", "sequence '{0}' acts on '{1}', which is not a spin system declared in this spec", Spin);
    public static readonly DiagnosticDescriptorInfo SpinQuantityUnit = new("NMR4107", NmrSeverity.Error, "Wrong unit", "{0} must be given in {1}", Spin);
    public static readonly DiagnosticDescriptorInfo MissingSpinField = new("NMR4108", NmrSeverity.Error, "Missing field", "spin system '{0}' declares no field (field 2.89 T)", Spin);
    public static readonly DiagnosticDescriptorInfo NoSpins = new("NMR4109", NmrSeverity.Error, "No spins", "spin system '{0}' declares no spin", Spin);
    public static readonly DiagnosticDescriptorInfo SelfCoupling = new("NMR4110", NmrSeverity.Error, "Spin coupled to itself", "spin '{0}' cannot be coupled to itself", Spin);
    public static readonly DiagnosticDescriptorInfo SpinValueOutOfRange = new("NMR4111", NmrSeverity.Error, "Value out of range", "{0}", Spin);
    public static readonly DiagnosticDescriptorInfo UnknownPulseShape = new("NMR4112", NmrSeverity.Error, "Unknown pulse shape", "unknown pulse shape '{0}'; expected sinc-gaussian", Spin);
    public static readonly DiagnosticDescriptorInfo AcquireNotLast = new("NMR4113", NmrSeverity.Error, "Acquire not last", "'acquire' must be the last line of sequence '{0}'", Spin);
    public static readonly DiagnosticDescriptorInfo TooManySpins = new("NMR4114", NmrSeverity.Error, "Too many spins", "spin system '{0}' has {1} spins; at most {2} are supported", Spin);
    // NMR4130–NMR4159 — editing pulses, ensembles and optimisation blocks (docs/language-spin.md)
    public static readonly DiagnosticDescriptorInfo UnknownSequence = new("NMR4130", NmrSeverity.Error, "Unknown sequence", "'{0}' is not a sequence declared before this line in this spec", Spin);
    public static readonly DiagnosticDescriptorInfo InvalidControlElement = new("NMR4131", NmrSeverity.Error, "Invalid control element", "element {0} of sequence '{1}' cannot be optimised: {2}", Spin);
    public static readonly DiagnosticDescriptorInfo MissingOptimizeDeclaration = new("NMR4132", NmrSeverity.Error, "Optimisation incomplete", "optimize block '{0}' declares no {1}", Spin);
    public static readonly DiagnosticDescriptorInfo UnknownEditShape = new("NMR4133", NmrSeverity.Error, "Unknown editing pulse shape", "unknown editing pulse shape '{0}'; expected gaussian", Spin);
    public static readonly DiagnosticDescriptorInfo UnknownEnsembleAxis = new("NMR4134", NmrSeverity.Error, "Unknown ensemble axis", "unknown ensemble axis '{0}'; expected b0 (offset, Hz) or b1 (scale, dimensionless)", Spin);
    // NMR42xx — interacting-spin echo blocks (docs/language-echo.md)
    public static readonly DiagnosticDescriptorInfo UnknownEchoMember = new("NMR4200", NmrSeverity.Error, "Unknown echo declaration", "unknown declaration '{0}' in an echo block; expected one of: {1}", Syntax);
    public static readonly DiagnosticDescriptorInfo EchoUnknownChoice = new("NMR4201", NmrSeverity.Error, "Unknown echo option", "unknown {0} '{1}'; expected {2}", Syntax);
    public static readonly DiagnosticDescriptorInfo EchoDimension = new("NMR4202", NmrSeverity.Error, "Echo value dimension", "{0} must be [{1}] (e.g. {2}), but it is [{3}]", Names);
    public static readonly DiagnosticDescriptorInfo EchoBadValue = new("NMR4203", NmrSeverity.Error, "Echo value out of range", "{0}", Physics);
    public static readonly DiagnosticDescriptorInfo EchoMissingMember = new("NMR4204", NmrSeverity.Error, "Echo declaration missing", "echo block '{0}' declares no {1} ({2})", Physics);
    public static readonly DiagnosticDescriptorInfo EchoDuplicateMember = new("NMR4205", NmrSeverity.Error, "Duplicate echo declaration", "{0} is already declared on line {1}", Names);
    public static readonly DiagnosticDescriptorInfo EchoUnknownParameter = new("NMR4206", NmrSeverity.Error, "Unknown echo parameter", "unknown echo parameter '{0}'; the model's parameters are alpha (coupling strength, MHz), xi (coupling length, lattice spacings), p (kernel power) and d (dephasing exponent, Gamma = 10^-d)", Names);

    /// <summary>All descriptors, ordered by ID (documentation and tests iterate over it).</summary>
    public static IReadOnlyList<DiagnosticDescriptorInfo> All { get; } = new[]
    {
        FileNotFound, UnexpectedCharacter, UnterminatedString, MalformedNumber, ExpectedToken, UnknownMember, UnknownBlock,
        MemberOutsideBlock, UnexpectedTrailing, ExpectedExpression, UnbalancedParenthesis, EmptySpec, BlockNotIndented,
        UndefinedName, DuplicateDeclaration, UnknownUnit, IncompatibleSum, EquationDimension, DimensionlessArgument, BadExponent,
        BadRoot, UnknownFunction, CyclicDefinition, FieldDimension, NonConstantParameter, MissingMaterialProperty, MaterialDimension,
        DomainDimension, UnknownRegion, OperatorMisuse, FieldUnitNotCoherent,
        MissingGeometry, MissingTime, FieldCount, MissingEquation, NoTimeDerivative, NonlinearTimeDerivative, DivergenceCoefficient,
        FluxForm, NonlinearSource, MissingBoundary, BoundaryAtRegularPoint, BoundaryNotAtEnd, RegionTiling, MissingInitial,
        DerivativeOfNonField, EmptyDomain, DuplicateBoundary, UnknownSolver, BadSolverOption, NoSolve, RegularityOnSlab, TimeStart, LogScaleBound, DataForUnknownObservable,
        InvalidIdentifier, InternalError,
        UnknownSpin, UnknownIsotope, NotSpinHalf, DuplicateSpinDeclaration, MissingAcquire, UnknownSpinSystem, SpinQuantityUnit,
        MissingSpinField, NoSpins, SelfCoupling, SpinValueOutOfRange, UnknownPulseShape, AcquireNotLast, TooManySpins,
        UnknownSequence, InvalidControlElement, MissingOptimizeDeclaration, UnknownEditShape, UnknownEnsembleAxis,
        UnknownEchoMember, EchoUnknownChoice, EchoDimension, EchoBadValue, EchoMissingMember, EchoDuplicateMember, EchoUnknownParameter,
        FileUnreadable, MalformedOverride, UnknownOverride, NotOverridable, IncompatibleOverrideUnit, DuplicateOverride,
        NoJob, OutputCollision, JobRejectedInput, MalformedData,
    };
}
