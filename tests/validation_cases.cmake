# The test cases that check a model against an independent reference (a published table, an analytic
# formula, a brute-force solver): ctest gives them the label `validation` (`ctest -L validation`), and
# docs/validation.md names each one beside its reference. One gtest filter per test program.
set(SKYSHIELD_VALIDATION_test_core
    "Atmosphere.MatchesUs1976Table:Atmosphere.SpeedOfSoundMatchesTable:Gravity.*:Geo.ForwardMatchesGeographicLibReference:Geo.ReverseMatchesReference:Geo.GeodesicInverseKnownDistance")
set(SKYSHIELD_VALIDATION_test_world
    "Ballistic.FreeFlightMatchesKeplerRange:Ballistic.ReentryPeakDecelerationMatchesAllenEggers:Ballistic.VerticalBurnFollowsTheRocketEquation:Ballistic.FlatEarthLimit:Targeting.SrbmLandsOnTheAimAcrossLatitudes:Waypoint.CoordinatedTurnRadiusWithBankLimit:Ballistic.ImpactsOnTheTerrainUnderIt")
set(SKYSHIELD_VALIDATION_test_sensors
    "RadarEquation.Matlab*:Detection.Published*:Detection.RequiredSnrAgreesWithAlbersheimAndShnidman:Detection.SwerlingZeroNLooksAgainstShnidmanAndAlbersheim:Detection.ClosedFormsForOneLookAndSwerlingTwo:Detection.BruteForceDetectorSimulation:Jamming.SelfProtectionJsMatchesAdamy:Horizon.*:TerrainMask.KnifeEdgeShadowHeight:TerrainMask.TableAgreesWithBruteForceRays")
set(SKYSHIELD_VALIDATION_test_tracking
    "Filters.UpdateReachesKalatasSteadyStateAlphaBeta:MotionModels.ProcessNoiseMatchesTheTextbook:MotionModels.CoordinatedTurnFollowsAnExactCircle:MotionModels.BallisticIsTheVacuumParabolaWithoutDragOnAFlatEarth:Jpda.OneTrackIsThePdaf:Jpda.TwoTracksTwoDetectionsByHand:Assignment.MatchesBruteForceOnRandomRectangularMatricesWithForbiddenPairs:Ospa.*")
set(SKYSHIELD_VALIDATION_test_weapons
    "ProportionalNavigation.*:PointMass.*:Flyout.KinematicBoostThenCoastAnalytic:Fuze.*")
set(SKYSHIELD_VALIDATION_test_c2
    "KillProbability.EqualAxesGiveTheRayleighCdf:KillProbability.OneAxisGivesTheErrorFunction:KillProbability.CorrelatedAxesAgreeWithMonteCarlo")
set(SKYSHIELD_VALIDATION_test_scenario "FlyoutRange.EveryClassReachesItsPublishedRangeWithinTenPercent")
set(SKYSHIELD_VALIDATION_test_sim "LibraryReentry.*:DetectionTimeStampEngine.*")
