/**
 * The typed view of a complete parameter assignment, read once at the start of a run so that the yearly
 * step does no string lookups. Every number the model uses comes from here; the model files contain no
 * numbers of their own beyond structural constants (indices, 0 and 1).
 */
import { SECTORS, type Sector } from "../results/metrics";

export interface SectorParams {
  population: number;
  medianIncome: number;
  incomeDispersion: number;
  worksPerCreator: number;
  worksPerYear: number;
  licencePrice: number;
  acquisitionCost: number;
  intermediaryShare: number;
  intermediatedShare: number;
  substitutionExposure: number;
  registeredShare: number;
  optoutPropensity: number;
  corpusWeight: number;
}

export interface ModelParams {
  sim: { creators: number; developers: number; years: number; startYear: number };
  market: {
    aiRevenue2025: number; aiRevenueGrowth: number; qualityElasticity: number; qualitySensitivity: number;
    substitution: number; substitutionYears: number; mimicryShare: number; sideDealRate: number;
  };
  corpus: { openShare: number; scalingExponent: number };
  creators: {
    qualityIncomeCorrelation: number; reserveShare: number; baseExitRate: number; exitIncomeRatio: number;
    distressExitRate: number; entryElasticity: number;
  };
  sectors: SectorParams[];
  optout: { adoption: number; qualityGradient: number; rampYears: number; effectiveShare: number };
  collective: { adminRate: number; initialMatchRate: number; registrationRate: number; holdYears: number };
  compulsory: { royaltyRate: number; perWorkMinimum: number; rateStandard: number; reviewYears: number; wbwsBargainingShare: number };
  licensing: { transactionCostPerWork: number; longtailLicensability: number; dealCostShare: number };
  enforcement: { detectionProbability: number };
  courts: { damagesPerWork: number; lawyerFeeShare: number; damagesDispersion: number; actualDamagesMultiple: number };
  eu: { fineRate: number; complianceCost: number; auditProbability: number };
  japan: { technicalMeasureRecognition: number };
  developers: {
    frontierShare: number; midShare: number; frontierScale: number; midScale: number; smallScale: number;
    frontierMargin: number; midMargin: number; smallMargin: number; costDispersion: number; exitPatience: number; entryAttempts: number;
  };
  outputProtection: { enabled: boolean; effectiveness: number; revenueCost: number; complianceCostShare: number };
}

/**
 * Read a complete settings object (every parameter id → value) into the typed structure.
 * @throws Error naming the first missing parameter id
 */
export function readModelParams(s: Readonly<Record<string, number>>): ModelParams {
  const g = (id: string): number => {
    const v = s[id];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`parameter ${id} is missing or not a finite number`);
    return v;
  };
  const sector = (name: Sector): SectorParams => ({
    population: g(`sector.${name}.population`),
    medianIncome: g(`sector.${name}.median_income`),
    incomeDispersion: g(`sector.${name}.income_dispersion`),
    worksPerCreator: g(`sector.${name}.works_per_creator`),
    worksPerYear: g(`sector.${name}.works_per_year`),
    licencePrice: g(`sector.${name}.licence_price`),
    acquisitionCost: g(`sector.${name}.acquisition_cost`),
    intermediaryShare: g(`sector.${name}.intermediary_share`),
    intermediatedShare: g(`sector.${name}.intermediated_share`),
    substitutionExposure: g(`sector.${name}.substitution_exposure`),
    registeredShare: g(`sector.${name}.registered_share`),
    optoutPropensity: g(`sector.${name}.optout_propensity`),
    corpusWeight: g(`sector.${name}.corpus_weight`),
  });
  return {
    sim: { creators: g("sim.creators"), developers: g("sim.developers"), years: g("sim.years"), startYear: g("sim.start_year") },
    market: {
      aiRevenue2025: g("market.ai_revenue_2025"), aiRevenueGrowth: g("market.ai_revenue_growth"),
      qualityElasticity: g("market.quality_elasticity"), qualitySensitivity: g("market.quality_sensitivity"),
      substitution: g("market.substitution"), substitutionYears: g("market.substitution_years"),
      mimicryShare: g("market.mimicry_share"), sideDealRate: g("market.side_deal_rate"),
    },
    corpus: { openShare: g("corpus.open_share"), scalingExponent: g("corpus.scaling_exponent") },
    creators: {
      qualityIncomeCorrelation: g("creators.quality_income_correlation"), reserveShare: g("creators.reserve_share"),
      baseExitRate: g("creators.base_exit_rate"), exitIncomeRatio: g("creators.exit_income_ratio"),
      distressExitRate: g("creators.distress_exit_rate"), entryElasticity: g("creators.entry_elasticity"),
    },
    sectors: SECTORS.map(sector),
    optout: {
      adoption: g("optout.adoption"), qualityGradient: g("optout.quality_gradient"),
      rampYears: g("optout.ramp_years"), effectiveShare: g("optout.effective_share"),
    },
    collective: {
      adminRate: g("collective.admin_rate"), initialMatchRate: g("collective.initial_match_rate"),
      registrationRate: g("collective.registration_rate"), holdYears: g("collective.hold_years"),
    },
    compulsory: {
      royaltyRate: g("compulsory.royalty_rate"), perWorkMinimum: g("compulsory.per_work_minimum"),
      rateStandard: g("compulsory.rate_standard"), reviewYears: g("compulsory.review_years"),
      wbwsBargainingShare: g("compulsory.wbws_bargaining_share"),
    },
    licensing: {
      transactionCostPerWork: g("licensing.transaction_cost_per_work"),
      longtailLicensability: g("licensing.longtail_licensability"), dealCostShare: g("licensing.deal_cost_share"),
    },
    enforcement: { detectionProbability: g("enforcement.detection_probability") },
    courts: {
      damagesPerWork: g("courts.damages_per_work"), lawyerFeeShare: g("courts.lawyer_fee_share"),
      damagesDispersion: g("courts.damages_dispersion"), actualDamagesMultiple: g("courts.actual_damages_multiple"),
    },
    eu: { fineRate: g("eu.fine_rate"), complianceCost: g("eu.compliance_cost"), auditProbability: g("eu.audit_probability") },
    japan: { technicalMeasureRecognition: g("japan.technical_measure_recognition") },
    developers: {
      frontierShare: g("developers.frontier_share"), midShare: g("developers.mid_share"),
      frontierScale: g("developers.frontier_scale"), midScale: g("developers.mid_scale"), smallScale: g("developers.small_scale"),
      frontierMargin: g("developers.frontier_margin"), midMargin: g("developers.mid_margin"), smallMargin: g("developers.small_margin"),
      costDispersion: g("developers.cost_dispersion"), exitPatience: g("developers.exit_patience"), entryAttempts: g("developers.entry_attempts"),
    },
    outputProtection: {
      enabled: g("output_protection.enabled") === 1, effectiveness: g("output_protection.effectiveness"),
      revenueCost: g("output_protection.revenue_cost"), complianceCostShare: g("output_protection.compliance_cost_share"),
    },
  };
}
