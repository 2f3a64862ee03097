"""The IRIs of gluteonto's terms: one named constant per term of the edit source, its key in capitals.

Generated from ontology/source/gluteonto-edit.yaml by ``python -m gluteonto.compile``; do not edit (a test
fails when this file and the source differ). Runtime code names the ontology's terms only through these.
"""

from __future__ import annotations

from typing import Final

# ruff: noqa: E501


# -- sources ---------------------------------------------------------------------------------------------
ART: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000850"  # Fysiobasen article: Gluteus Minimus
S_INTRO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000851"  # Gluteus Minimus article, section: introduction
S_ORIGIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000852"  # Gluteus Minimus article, section: origin and insertion
S_TOPO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000853"  # Gluteus Minimus article, section: topographical relations
S_INNERV: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000854"  # Gluteus Minimus article, section: innervation
S_BLOOD: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000855"  # Gluteus Minimus article, section: blood supply
S_FUNCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000856"  # Gluteus Minimus article, section: function
S_CLINICAL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000857"  # Gluteus Minimus article, section: clinical significance
S_CONDITIONS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000858"  # Gluteus Minimus article, section: common injuries and conditions
S_SYNERGY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000859"  # Gluteus Minimus article, section: biomechanics and interplay with other muscles
S_EXERCISES: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000860"  # Gluteus Minimus article, section: strengthening exercises
S_SUMMARY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000861"  # Gluteus Minimus article, section: summary and clinical implementation
S_REFS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000862"  # Gluteus Minimus article, section: references
MOORE2014: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000870"  # Moore, Dalley & Agur 2014, Clinically Oriented Anatomy (7th ed.)
PALASTANGA2012: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000871"  # Palastanga & Soames 2012, Anatomy and Human Movement (6th ed.)
STANDRING2016: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000872"  # Standring 2016, Gray's Anatomy (41st ed.)
DESIGN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000890"  # gluteonto design notes (docs/design.md)
UBERON: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000880"  # Uberon release 2026-04-01 (as extracted in the project reference data)
HRA: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000881"  # HRA ASCT+B tables v1.1–v2.0 (as extracted in the project reference data)
HPO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000882"  # Human Phenotype Ontology release 2025-01-16
MONDO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000883"  # Mondo Disease Ontology release 2026-05-05

# -- properties ------------------------------------------------------------------------------------------
PART_OF: Final = "http://purl.obolibrary.org/obo/BFO_0000050"  # part of
HAS_PART: Final = "http://purl.obolibrary.org/obo/BFO_0000051"  # has part
INNERVATED_BY: Final = "http://purl.obolibrary.org/obo/RO_0002005"  # innervated by
INNERVATES: Final = "http://purl.obolibrary.org/obo/RO_0002134"  # innervates
HAS_MUSCLE_ORIGIN: Final = "http://purl.obolibrary.org/obo/RO_0002372"  # has muscle origin
HAS_MUSCLE_INSERTION: Final = "http://purl.obolibrary.org/obo/RO_0002373"  # has muscle insertion
ATTACHED_TO: Final = "http://purl.obolibrary.org/obo/RO_0002371"  # attached to
BRANCHING_PART_OF: Final = "http://purl.obolibrary.org/obo/RO_0002380"  # branching part of
CONNECTING_BRANCH_OF: Final = "http://purl.obolibrary.org/obo/RO_0002252"  # connecting branch of
VESSEL_SUPPLIES_BLOOD_TO: Final = "http://purl.obolibrary.org/obo/RO_0020101"  # vessel supplies blood to
ADJACENT_TO: Final = "http://purl.obolibrary.org/obo/RO_0002220"  # adjacent to
CONTINUOUS_WITH: Final = "http://purl.obolibrary.org/obo/RO_0002150"  # continuous with
LOCATED_IN: Final = "http://purl.obolibrary.org/obo/RO_0001025"  # located in
DEEPER_THAN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000944"  # lies deeper than
SHALLOWER_THAN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000945"  # lies more superficially than
DEEP_TO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000900"  # deep to
SUPERFICIAL_TO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000901"  # superficial to
ANTERIOR_TO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000902"  # anterior to
POSTERIOR_TO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000903"  # posterior to
BOUNDED_BY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000904"  # bounded by
PASSES_THROUGH: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000905"  # passes through
RUNS_WITH: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000906"  # runs together with
HAS_ROOT_SEGMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000907"  # has root segment
HAS_CONTRIBUTING_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000908"  # has contributing artery
HAS_AGENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000909"  # has agent
ACTS_ON_JOINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000910"  # acts on joint
MOVES: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000911"  # moves
OCCURS_DURING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000912"  # occurs during
REQUIRES_CONDITION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000913"  # requires condition
ENHANCED_BY_CONDITION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000914"  # enhanced by condition
PREVENTS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000915"  # prevents
ACTS_SYNERGISTICALLY_WITH: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000916"  # acts synergistically with
ACTIVE_DURING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000917"  # active during
AFFECTS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000918"  # affects structure
COMMONLY_AFFECTS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000919"  # commonly affects
HAS_FEATURE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000920"  # has feature
TYPICALLY_HAS_FEATURE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000942"  # typically has feature
MAY_HAVE_FEATURE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000921"  # may have feature
HAS_DISTINGUISHING_FEATURE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000922"  # has distinguishing feature
HAS_RISK_FACTOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000923"  # has risk factor
IS_RISK_FACTOR_OF: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000940"  # is risk factor of
HAS_POPULATION_AT_INCREASED_RISK: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000941"  # has population at increased risk
ASSOCIATED_WITH: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000924"  # associated with
RESULTS_IN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000925"  # results in
MAY_RESULT_IN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000938"  # may result in
CONTRIBUTES_TO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000926"  # contributes to
MAY_BE_MISTAKEN_FOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000927"  # may be mistaken for
TARGETS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000928"  # targets
AVOIDS_COMPENSATION_BY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000929"  # avoids compensation by
HAS_CAUTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000930"  # has caution
INDICATED_FOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000931"  # indicated for
TRAINS_ACTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000932"  # trains action
RECOMMENDED_START_FOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000933"  # recommended as first step for
PROGRESSES_TO: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000934"  # progresses to
CONTRAINDICATED_IN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000935"  # to be avoided in
PRODUCES_HIGHER_ACTIVATION_THAN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000936"  # produces higher activation than
PROGRESSES_WHEN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000939"  # progressed from when
LESS_COMPENSATION_THAN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000943"  # allows less compensation than
KEPT_APART_FROM: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000946"  # trained separately from
RESULT_OF_TEST: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000947"  # result of test
STATE_AFTER: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000948"  # state after procedure
REPORTED_ESPECIALLY_IN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000949"  # effect reported especially in
MOST_ACTIVE_DURING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000950"  # most active during
RECOMMENDED_IN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000937"  # recommended in
PURPOSE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000990"  # exercise purpose
EXECUTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000991"  # execution
EVIDENCE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000992"  # evidence statement
SPINAL_SEGMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000993"  # spinal segment code
QUALIFIER: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000995"  # qualifier in the source
FOOTNOTE_MARKER: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000996"  # article footnote marker
FOOTNOTE_READ_AS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000997"  # footnote marker read as (interpretation)
COMPENSATING_MUSCLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000998"  # compensating muscle compared
LATIN_NON_TA: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000999"  # Latin name outside Terminologia Anatomica
VARIATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000994"  # exercise variation

# -- classes ---------------------------------------------------------------------------------------------
ANATOMICAL_ENTITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000001"  # anatomical entity
BODILY_PROCESS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000200"  # bodily process
CLINICAL_ENTITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000400"  # clinical entity
HEALTH_CARE_PROCEDURE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000600"  # health care procedure
BODY_CONDITION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000700"  # body position or mechanical condition
RISK_FACTOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000720"  # risk factor
POPULATION_GROUP: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000730"  # population group
INFORMATION_RESOURCE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000800"  # information resource
ONLINE_ARTICLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000801"  # online article
ARTICLE_SECTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000802"  # article section
TEXTBOOK: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000803"  # textbook
DESIGN_DOCUMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000805"  # project design document
REFERENCE_RESOURCE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000804"  # reference ontology or data resource
MUSCLE_ORGAN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000002"  # muscle organ
GLUTEAL_MUSCLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000003"  # gluteal muscle
HIP_ABDUCTOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000088"  # hip abductor
HIP_INTERNAL_ROTATOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000089"  # hip internal rotator
MUSCLE_PART: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000013"  # muscle organ part
TENDON: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000022"  # tendon
BONE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000027"  # bone
BONE_LANDMARK: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000030"  # bone landmark
SKELETAL_JOINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000040"  # skeletal joint
SYNOVIAL_JOINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000041"  # synovial joint
ARTICULAR_CAPSULE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000043"  # articular capsule
SYNOVIAL_BURSA: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000055"  # synovial bursa
NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000061"  # nerve
MOTOR_NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000096"  # motor nerve
NERVE_PLEXUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000064"  # nerve plexus
ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000074"  # artery
ARTERIAL_ANASTOMOSIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000083"  # arterial anastomosis
ANATOMICAL_REGION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000086"  # anatomical region
ANATOMICAL_SPACE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000087"  # anatomical space or opening
SKELETAL_SUBDIVISION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000045"  # skeletal subdivision
MUSCLE_GROUP: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000016"  # muscle group
GLUTEUS_MINIMUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000004"  # gluteus minimus
GLUTEUS_MEDIUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000005"  # gluteus medius
GLUTEUS_MAXIMUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000006"  # gluteus maximus
TENSOR_FASCIAE_LATAE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000007"  # tensor fasciae latae
PIRIFORMIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000008"  # piriformis
SUPERIOR_GEMELLUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000009"  # superior gemellus
VASTUS_LATERALIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000010"  # vastus lateralis
RECTUS_FEMORIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000011"  # rectus femoris
RF_REFLECTED_HEAD: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000012"  # reflected head of rectus femoris
QUADRATUS_LUMBORUM: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000014"  # quadratus lumborum
ILIACUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000015"  # iliacus
PSOAS_MAJOR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000017"  # psoas major
MUSCULATURE_OF_PELVIC_GIRDLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000018"  # musculature of pelvic girdle
GM_ANTERIOR_SEGMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000019"  # anterior fibre segment of gluteus minimus
GM_MIDDLE_SEGMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000020"  # middle fibre segment of gluteus minimus
GM_POSTERIOR_SEGMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000021"  # posterior fibre segment of gluteus minimus
GM_DISTAL_PART: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000024"  # distal part of gluteus minimus
GM_TENDON: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000023"  # tendon of gluteus minimus
GM_VARIANT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000090"  # anatomical variant of gluteus minimus
GM_VARIANT_PIRIFORMIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000025"  # gluteus minimus blended with piriformis
GM_VARIANT_SUPERIOR_GEMELLUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000026"  # gluteus minimus blended with superior gemellus
GM_VARIANT_VASTUS_LATERALIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000028"  # gluteus minimus blended with vastus lateralis
HIP_BONE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000029"  # hip bone
ILIUM: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000031"  # ilium
GLUTEAL_SURFACE_OF_ILIUM: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000032"  # gluteal surface of ilium
ANTERIOR_GLUTEAL_LINE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000033"  # anterior gluteal line
INFERIOR_GLUTEAL_LINE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000034"  # inferior gluteal line
GM_ORIGIN_AREA: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000035"  # gluteus minimus origin area
ILIAC_CREST: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000036"  # iliac crest
FEMUR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000037"  # femur
GREATER_TROCHANTER: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000038"  # greater trochanter
GT_ANTEROLATERAL_FACET: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000039"  # anterolateral facet of greater trochanter
GT_SUPERIOR_SURFACE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000042"  # superior surface of greater trochanter
HIP_JOINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000044"  # hip joint
HIP_JOINT_CAPSULE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000046"  # articular capsule of hip joint
SACROILIAC_JOINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000047"  # sacroiliac joint
BONY_PELVIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000048"  # bony pelvis
HIP_REGION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000049"  # hip region
BUTTOCK: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000050"  # buttock
PELVIC_GIRDLE_REGION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000097"  # pelvic girdle region
LOWER_BACK: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000051"  # lower back
KNEE_REGION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000052"  # knee region
ANKLE_REGION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000053"  # ankle region
LATERAL_LEG: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000054"  # lateral side of leg
FOOT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000056"  # foot
GM_BURSA: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000057"  # trochanteric bursa of gluteus minimus
GREATER_SCIATIC_FORAMEN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000058"  # greater sciatic foramen
SUPRAPIRIFORM_FORAMEN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000059"  # suprapiriform foramen
MEDIUS_MINIMUS_PLANE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000060"  # plane between gluteus medius and gluteus minimus
SUPERIOR_GLUTEAL_NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000062"  # superior gluteal nerve
SGN_BRANCH_TO_GM: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000063"  # branch of superior gluteal nerve to gluteus minimus
SACRAL_PLEXUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000065"  # sacral plexus
LUMBOSACRAL_PLEXUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000066"  # lumbosacral plexus
SPINAL_NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000067"  # spinal nerve
LUMBAR_NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000068"  # lumbar nerve
SACRAL_NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000069"  # sacral nerve
SPINAL_NERVE_L4: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000070"  # fourth lumbar nerve
SPINAL_NERVE_L5: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000071"  # fifth lumbar nerve
SPINAL_NERVE_S1: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000072"  # first sacral nerve
SCIATIC_NERVE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000073"  # sciatic nerve
COMMON_ILIAC_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000076"  # common iliac artery
INTERNAL_ILIAC_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000075"  # internal iliac artery
SUPERIOR_GLUTEAL_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000077"  # superior gluteal artery
SGA_DEEP_BRANCH: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000078"  # deep branch of superior gluteal artery
INFERIOR_GLUTEAL_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000079"  # inferior gluteal artery
FEMORAL_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000082"  # femoral artery
DEEP_FEMORAL_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000081"  # deep femoral artery
MEDIAL_CIRCUMFLEX_FEMORAL_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000080"  # medial circumflex femoral artery
LATERAL_CIRCUMFLEX_FEMORAL_ARTERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000085"  # lateral circumflex femoral artery
TROCHANTERIC_ANASTOMOSIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000084"  # trochanteric anastomosis
JOINT_MOVEMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000201"  # joint movement
HIP_ABDUCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000202"  # hip abduction
HIP_ABDUCTION_WITH_EXTENSION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000240"  # hip abduction with slight extension
HIP_INTERNAL_ROTATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000203"  # hip internal rotation
HIP_EXTERNAL_ROTATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000204"  # hip external rotation
HIP_EXTENSION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000205"  # hip extension
HIP_FLEXION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000206"  # hip flexion
JOINT_STABILISATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000207"  # joint stabilisation
PELVIC_STABILISATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000208"  # pelvic stabilisation
HIP_ADDUCTION_CONTROL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000209"  # control of hip adduction and internal rotation
LOADED_HIP_CONTROL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000210"  # control of the loaded hip
MUSCLE_ACTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000211"  # muscle action
GM_HIP_ABDUCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000212"  # hip abduction by gluteus minimus
GM_INTERNAL_ROTATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000213"  # hip internal rotation by anterior fibres of gluteus minimus
GM_GMED_PELVIC_STABILISATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000214"  # pelvic stabilisation by gluteus minimus and gluteus medius
GM_GMED_TROCHANTER_APPROXIMATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000215"  # drawing of the greater trochanter towards the iliac crest by gluteus minimus and medius
GM_TFL_ADDUCTION_CONTROL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000216"  # control of femoral adduction and internal rotation by gluteus minimus and tensor fasciae latae
GM_QL_PELVIC_DROP_CONTROL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000217"  # counteraction of frontal-plane pelvic drop by gluteus minimus and quadratus lumborum
GM_FLEXION_INITIATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000218"  # initiation of hip flexion at the stance-to-swing transition
GMAX_HIP_EXTENSION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000219"  # hip extension by gluteus maximus
GMAX_EXTERNAL_ROTATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000220"  # hip external rotation by gluteus maximus
GM_ADDUCTION_ROTATION_CONTROL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000222"  # control of hip adduction and rotation by gluteus minimus
GM_HIP_STABILISATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000223"  # stabilisation of the hip joint by gluteus minimus
GM_HIP_STABILISATION_SINGLE_LEG: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000226"  # stabilisation of the hip joint by gluteus minimus in single-leg stance
GM_ACTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000225"  # muscle action of gluteus minimus
GMED_HIP_ABDUCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000224"  # hip abduction by gluteus medius
GM_ANTERIOR_LOAD_CONTROL: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000221"  # control of the loaded hip by anterior fibres of gluteus minimus
MOTOR_ACTIVITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000230"  # motor activity
GAIT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000231"  # gait
GAIT_PHASE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000239"  # gait phase
STANCE_PHASE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000232"  # stance phase of gait
SWING_PHASE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000233"  # swing phase of gait
STANCE_TO_SWING_TRANSITION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000234"  # stance-to-swing transition
SINGLE_LEG_STANCE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000235"  # single-leg stance
RUNNING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000236"  # running
STAIR_CLIMBING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000237"  # stair climbing
WEIGHT_BEARING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000238"  # weight bearing through the hip
HIP_FLEXED_POSITION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000701"  # flexed hip position
FIXED_ORIGIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000702"  # stable pelvis with fixed origin
PAIN_FREE_PROGRESSION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000703"  # pain-free progression
DISORDER: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000401"  # disorder
GLUTEAL_TENDINOPATHY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000402"  # gluteal tendinopathy
GM_TENDINOPATHY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000403"  # gluteus minimus tendinopathy
GTPS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000404"  # greater trochanteric pain syndrome
TROCHANTERIC_BURSITIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000405"  # trochanteric bursitis
DEGENERATIVE_HIP_CONDITION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000422"  # degenerative hip condition
HIP_OSTEOARTHRITIS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000406"  # hip osteoarthritis
SCIATICA: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000407"  # sciatica
MYOFASCIAL_PAIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000408"  # myofascial pain syndrome
GM_TRIGGER_POINT_PAIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000409"  # gluteus minimus trigger point pain
GM_PERSISTENT_TRIGGER_POINTS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000410"  # persistent gluteus minimus trigger point pain
GM_ATROPHY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000411"  # atrophy of gluteus minimus
SGN_LESION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000412"  # superior gluteal nerve lesion
LUMBOPELVIC_DYSFUNCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000413"  # lumbopelvic dysfunction
SI_JOINT_INSTABILITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000414"  # sacroiliac joint instability
PELVIC_RING_ROTATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000415"  # rotation of the pelvic ring
HIP_INSTABILITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000416"  # hip joint instability
LOW_BACK_COMPLAINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000417"  # low back complaint
SECONDARY_COMPLAINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000418"  # secondary complaint
SECONDARY_BACK_COMPLAINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000419"  # secondary low back complaint
SECONDARY_KNEE_COMPLAINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000420"  # secondary knee complaint
SECONDARY_ANKLE_COMPLAINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000421"  # secondary ankle complaint
CLINICAL_FINDING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000430"  # clinical finding
LATERAL_HIP_PAIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000431"  # lateral hip pain
LUMBAR_REFERRED_PAIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000432"  # pain referred from the lumbar spine
REFERRED_PAIN_LATERAL_LEG_FOOT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000433"  # referred pain to the lateral leg and foot
NEUROLOGICAL_DEFICIT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000434"  # neurological deficit
ABSENCE_OF_NEUROLOGICAL_DEFICIT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000435"  # absence of neurological deficit
NEGATIVE_LASEGUE_TEST: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000436"  # negative Lasègue test
FUNCTIONAL_IMPAIRMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000438"  # marked functional impairment
REDUCED_BALANCE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000439"  # reduced balance
INCREASED_FALL_RISK: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000440"  # increased risk of falling
ALTERED_MUSCLE_RECRUITMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000441"  # altered muscle recruitment
GM_COMPENSATORY_OVERLOAD: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000442"  # compensatory overactivity of gluteus minimus
CONTRALATERAL_PELVIC_DROP: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000443"  # contralateral pelvic drop
TRENDELENBURG_SIGN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000444"  # Trendelenburg sign
GAIT_DISTURBANCE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000459"  # gait disturbance
TRENDELENBURG_GAIT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000445"  # Trendelenburg gait
GM_WEAKNESS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000446"  # weakness of gluteus minimus
GM_INACTIVITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000468"  # inactivity of gluteus minimus
GMED_WEAKNESS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000447"  # weakness of gluteus medius
GM_DISTURBED_INTERPLAY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000469"  # disturbed interplay of gluteus minimus with its synergists
COMPENSATORY_MOVEMENT_PATTERN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000448"  # compensatory movement pattern
IMAGING_FINDING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000449"  # MRI finding
DEGENERATIVE_TENDON_CHANGE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000450"  # degenerative change of the gluteus minimus tendon
PERITROCHANTERIC_FLUID: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000451"  # fluid around the greater trochanter
PARTIAL_TENDON_TEAR: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000452"  # partial tear of the gluteus minimus tendon
POST_OPERATIVE_STATE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000456"  # status after surgery
POST_HIP_SURGERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000457"  # status after hip surgery
POST_HIP_ARTHROPLASTY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000453"  # status after hip arthroplasty
PHYSICAL_INACTIVITY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000460"  # physical inactivity
PAIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000458"  # pain
POST_PAIN_STATE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000461"  # status after a period of pain
LONG_STANDING_HIP_COMPLAINT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000454"  # long-standing hip complaint
PELVIC_PAIN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000455"  # pelvic pain
FEMALE_OVER_40: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000721"  # women over 40
PEOPLE_WITH_GTPS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000731"  # people with greater trochanteric pain syndrome
BIOMECHANICAL_DEVIATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000722"  # biomechanical deviation
INCREASED_STANCE_ADDUCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000723"  # increased hip adduction in the stance phase
LOADING_PATTERN: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000728"  # loading pattern
CHRONIC_OVERLOAD: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000724"  # chronic overload
SLOPED_SURFACE_RUNNING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000725"  # running on a sloped surface
UNILATERAL_WEIGHT_BEARING: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000726"  # unilateral weight bearing
ASYMMETRIC_GAIT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000727"  # asymmetric gait
SURGICAL_PROCEDURE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000640"  # surgical procedure
HIP_SURGERY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000644"  # hip surgery
HIP_ARTHROPLASTY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000641"  # hip arthroplasty
CLINICAL_TEST: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000642"  # clinical test
LASEGUE_TEST: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000643"  # Lasègue test
COMPLEMENTARY_ASSESSMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000650"  # complementary assessment in long-standing hip complaints
GAIT_PATTERN_ASSESSMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000651"  # gait pattern assessment
FOOTWEAR_ASSESSMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000652"  # footwear assessment
PELVIC_POSTURE_ASSESSMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000653"  # pelvic posture assessment
CORE_ACTIVATION_ASSESSMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000654"  # core activation assessment
SEPARATE_TRAINING_PRINCIPLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000655"  # separate training of gluteus minimus and gluteus maximus
TECHNIQUE_PRINCIPLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000656"  # attentive technique in gluteus minimus training
EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000660"  # therapeutic exercise
GM_EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000661"  # gluteus minimus strengthening exercise
EX_RESISTED_ABDUCTION_EXTENSION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000662"  # resisted hip abduction in extension
EX_LATERAL_STEP_UP: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000663"  # lateral step-up with hip adduction control
EX_SIDE_PLANK_ABDUCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000664"  # modified side plank with abduction
EX_SINGLE_LEG_SQUAT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000665"  # single-leg squat with hip control
EX_STANDING_IR_BAND: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000666"  # standing hip internal rotation with band
EX_CLAM: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000667"  # clam exercise
EX_SIMPLE_ABDUCTION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000668"  # simple hip abduction exercise
EX_SIDE_RAISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000669"  # traditional side raise
STATIC_LOW_LOAD_EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000670"  # static low-load exercise
DYNAMIC_EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000671"  # dynamic exercise variant
WEIGHT_BEARING_EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000672"  # weight-bearing exercise variant
TENDON_PROVOKING_EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000673"  # tendon-provoking exercise
EXECUTION_FAULT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000680"  # exercise execution fault
TRUNK_SWAY: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000681"  # trunk sway during exercise
DYNAMIC_KNEE_VALGUS: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000682"  # inward collapse of knee and hip
PELVIC_TILT_IN_EXERCISE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000683"  # pelvic tilt during exercise
FOOT_EXTERNAL_ROTATION: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000684"  # outward rotation of the foot
FOOT_OR_PELVIS_MOVEMENT: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000685"  # movement of foot or pelvis during rotation

#: IRI → key, for every term of the source
KEYS: Final[dict[str, str]] = {
    ART: "art",
    S_INTRO: "s_intro",
    S_ORIGIN: "s_origin",
    S_TOPO: "s_topo",
    S_INNERV: "s_innerv",
    S_BLOOD: "s_blood",
    S_FUNCTION: "s_function",
    S_CLINICAL: "s_clinical",
    S_CONDITIONS: "s_conditions",
    S_SYNERGY: "s_synergy",
    S_EXERCISES: "s_exercises",
    S_SUMMARY: "s_summary",
    S_REFS: "s_refs",
    MOORE2014: "moore2014",
    PALASTANGA2012: "palastanga2012",
    STANDRING2016: "standring2016",
    DESIGN: "design",
    UBERON: "uberon",
    HRA: "hra",
    HPO: "hpo",
    MONDO: "mondo",
    PART_OF: "part_of",
    HAS_PART: "has_part",
    INNERVATED_BY: "innervated_by",
    INNERVATES: "innervates",
    HAS_MUSCLE_ORIGIN: "has_muscle_origin",
    HAS_MUSCLE_INSERTION: "has_muscle_insertion",
    ATTACHED_TO: "attached_to",
    BRANCHING_PART_OF: "branching_part_of",
    CONNECTING_BRANCH_OF: "connecting_branch_of",
    VESSEL_SUPPLIES_BLOOD_TO: "vessel_supplies_blood_to",
    ADJACENT_TO: "adjacent_to",
    CONTINUOUS_WITH: "continuous_with",
    LOCATED_IN: "located_in",
    DEEPER_THAN: "deeper_than",
    SHALLOWER_THAN: "shallower_than",
    DEEP_TO: "deep_to",
    SUPERFICIAL_TO: "superficial_to",
    ANTERIOR_TO: "anterior_to",
    POSTERIOR_TO: "posterior_to",
    BOUNDED_BY: "bounded_by",
    PASSES_THROUGH: "passes_through",
    RUNS_WITH: "runs_with",
    HAS_ROOT_SEGMENT: "has_root_segment",
    HAS_CONTRIBUTING_ARTERY: "has_contributing_artery",
    HAS_AGENT: "has_agent",
    ACTS_ON_JOINT: "acts_on_joint",
    MOVES: "moves",
    OCCURS_DURING: "occurs_during",
    REQUIRES_CONDITION: "requires_condition",
    ENHANCED_BY_CONDITION: "enhanced_by_condition",
    PREVENTS: "prevents",
    ACTS_SYNERGISTICALLY_WITH: "acts_synergistically_with",
    ACTIVE_DURING: "active_during",
    AFFECTS: "affects",
    COMMONLY_AFFECTS: "commonly_affects",
    HAS_FEATURE: "has_feature",
    TYPICALLY_HAS_FEATURE: "typically_has_feature",
    MAY_HAVE_FEATURE: "may_have_feature",
    HAS_DISTINGUISHING_FEATURE: "has_distinguishing_feature",
    HAS_RISK_FACTOR: "has_risk_factor",
    IS_RISK_FACTOR_OF: "is_risk_factor_of",
    HAS_POPULATION_AT_INCREASED_RISK: "has_population_at_increased_risk",
    ASSOCIATED_WITH: "associated_with",
    RESULTS_IN: "results_in",
    MAY_RESULT_IN: "may_result_in",
    CONTRIBUTES_TO: "contributes_to",
    MAY_BE_MISTAKEN_FOR: "may_be_mistaken_for",
    TARGETS: "targets",
    AVOIDS_COMPENSATION_BY: "avoids_compensation_by",
    HAS_CAUTION: "has_caution",
    INDICATED_FOR: "indicated_for",
    TRAINS_ACTION: "trains_action",
    RECOMMENDED_START_FOR: "recommended_start_for",
    PROGRESSES_TO: "progresses_to",
    CONTRAINDICATED_IN: "contraindicated_in",
    PRODUCES_HIGHER_ACTIVATION_THAN: "produces_higher_activation_than",
    PROGRESSES_WHEN: "progresses_when",
    LESS_COMPENSATION_THAN: "less_compensation_than",
    KEPT_APART_FROM: "kept_apart_from",
    RESULT_OF_TEST: "result_of_test",
    STATE_AFTER: "state_after",
    REPORTED_ESPECIALLY_IN: "reported_especially_in",
    MOST_ACTIVE_DURING: "most_active_during",
    RECOMMENDED_IN: "recommended_in",
    PURPOSE: "purpose",
    EXECUTION: "execution",
    EVIDENCE: "evidence",
    SPINAL_SEGMENT: "spinal_segment",
    QUALIFIER: "qualifier",
    FOOTNOTE_MARKER: "footnote_marker",
    FOOTNOTE_READ_AS: "footnote_read_as",
    COMPENSATING_MUSCLE: "compensating_muscle",
    LATIN_NON_TA: "latin_non_ta",
    VARIATION: "variation",
    ANATOMICAL_ENTITY: "anatomical_entity",
    BODILY_PROCESS: "bodily_process",
    CLINICAL_ENTITY: "clinical_entity",
    HEALTH_CARE_PROCEDURE: "health_care_procedure",
    BODY_CONDITION: "body_condition",
    RISK_FACTOR: "risk_factor",
    POPULATION_GROUP: "population_group",
    INFORMATION_RESOURCE: "information_resource",
    ONLINE_ARTICLE: "online_article",
    ARTICLE_SECTION: "article_section",
    TEXTBOOK: "textbook",
    DESIGN_DOCUMENT: "design_document",
    REFERENCE_RESOURCE: "reference_resource",
    MUSCLE_ORGAN: "muscle_organ",
    GLUTEAL_MUSCLE: "gluteal_muscle",
    HIP_ABDUCTOR: "hip_abductor",
    HIP_INTERNAL_ROTATOR: "hip_internal_rotator",
    MUSCLE_PART: "muscle_part",
    TENDON: "tendon",
    BONE: "bone",
    BONE_LANDMARK: "bone_landmark",
    SKELETAL_JOINT: "skeletal_joint",
    SYNOVIAL_JOINT: "synovial_joint",
    ARTICULAR_CAPSULE: "articular_capsule",
    SYNOVIAL_BURSA: "synovial_bursa",
    NERVE: "nerve",
    MOTOR_NERVE: "motor_nerve",
    NERVE_PLEXUS: "nerve_plexus",
    ARTERY: "artery",
    ARTERIAL_ANASTOMOSIS: "arterial_anastomosis",
    ANATOMICAL_REGION: "anatomical_region",
    ANATOMICAL_SPACE: "anatomical_space",
    SKELETAL_SUBDIVISION: "skeletal_subdivision",
    MUSCLE_GROUP: "muscle_group",
    GLUTEUS_MINIMUS: "gluteus_minimus",
    GLUTEUS_MEDIUS: "gluteus_medius",
    GLUTEUS_MAXIMUS: "gluteus_maximus",
    TENSOR_FASCIAE_LATAE: "tensor_fasciae_latae",
    PIRIFORMIS: "piriformis",
    SUPERIOR_GEMELLUS: "superior_gemellus",
    VASTUS_LATERALIS: "vastus_lateralis",
    RECTUS_FEMORIS: "rectus_femoris",
    RF_REFLECTED_HEAD: "rf_reflected_head",
    QUADRATUS_LUMBORUM: "quadratus_lumborum",
    ILIACUS: "iliacus",
    PSOAS_MAJOR: "psoas_major",
    MUSCULATURE_OF_PELVIC_GIRDLE: "musculature_of_pelvic_girdle",
    GM_ANTERIOR_SEGMENT: "gm_anterior_segment",
    GM_MIDDLE_SEGMENT: "gm_middle_segment",
    GM_POSTERIOR_SEGMENT: "gm_posterior_segment",
    GM_DISTAL_PART: "gm_distal_part",
    GM_TENDON: "gm_tendon",
    GM_VARIANT: "gm_variant",
    GM_VARIANT_PIRIFORMIS: "gm_variant_piriformis",
    GM_VARIANT_SUPERIOR_GEMELLUS: "gm_variant_superior_gemellus",
    GM_VARIANT_VASTUS_LATERALIS: "gm_variant_vastus_lateralis",
    HIP_BONE: "hip_bone",
    ILIUM: "ilium",
    GLUTEAL_SURFACE_OF_ILIUM: "gluteal_surface_of_ilium",
    ANTERIOR_GLUTEAL_LINE: "anterior_gluteal_line",
    INFERIOR_GLUTEAL_LINE: "inferior_gluteal_line",
    GM_ORIGIN_AREA: "gm_origin_area",
    ILIAC_CREST: "iliac_crest",
    FEMUR: "femur",
    GREATER_TROCHANTER: "greater_trochanter",
    GT_ANTEROLATERAL_FACET: "gt_anterolateral_facet",
    GT_SUPERIOR_SURFACE: "gt_superior_surface",
    HIP_JOINT: "hip_joint",
    HIP_JOINT_CAPSULE: "hip_joint_capsule",
    SACROILIAC_JOINT: "sacroiliac_joint",
    BONY_PELVIS: "bony_pelvis",
    HIP_REGION: "hip_region",
    BUTTOCK: "buttock",
    PELVIC_GIRDLE_REGION: "pelvic_girdle_region",
    LOWER_BACK: "lower_back",
    KNEE_REGION: "knee_region",
    ANKLE_REGION: "ankle_region",
    LATERAL_LEG: "lateral_leg",
    FOOT: "foot",
    GM_BURSA: "gm_bursa",
    GREATER_SCIATIC_FORAMEN: "greater_sciatic_foramen",
    SUPRAPIRIFORM_FORAMEN: "suprapiriform_foramen",
    MEDIUS_MINIMUS_PLANE: "medius_minimus_plane",
    SUPERIOR_GLUTEAL_NERVE: "superior_gluteal_nerve",
    SGN_BRANCH_TO_GM: "sgn_branch_to_gm",
    SACRAL_PLEXUS: "sacral_plexus",
    LUMBOSACRAL_PLEXUS: "lumbosacral_plexus",
    SPINAL_NERVE: "spinal_nerve",
    LUMBAR_NERVE: "lumbar_nerve",
    SACRAL_NERVE: "sacral_nerve",
    SPINAL_NERVE_L4: "spinal_nerve_l4",
    SPINAL_NERVE_L5: "spinal_nerve_l5",
    SPINAL_NERVE_S1: "spinal_nerve_s1",
    SCIATIC_NERVE: "sciatic_nerve",
    COMMON_ILIAC_ARTERY: "common_iliac_artery",
    INTERNAL_ILIAC_ARTERY: "internal_iliac_artery",
    SUPERIOR_GLUTEAL_ARTERY: "superior_gluteal_artery",
    SGA_DEEP_BRANCH: "sga_deep_branch",
    INFERIOR_GLUTEAL_ARTERY: "inferior_gluteal_artery",
    FEMORAL_ARTERY: "femoral_artery",
    DEEP_FEMORAL_ARTERY: "deep_femoral_artery",
    MEDIAL_CIRCUMFLEX_FEMORAL_ARTERY: "medial_circumflex_femoral_artery",
    LATERAL_CIRCUMFLEX_FEMORAL_ARTERY: "lateral_circumflex_femoral_artery",
    TROCHANTERIC_ANASTOMOSIS: "trochanteric_anastomosis",
    JOINT_MOVEMENT: "joint_movement",
    HIP_ABDUCTION: "hip_abduction",
    HIP_ABDUCTION_WITH_EXTENSION: "hip_abduction_with_extension",
    HIP_INTERNAL_ROTATION: "hip_internal_rotation",
    HIP_EXTERNAL_ROTATION: "hip_external_rotation",
    HIP_EXTENSION: "hip_extension",
    HIP_FLEXION: "hip_flexion",
    JOINT_STABILISATION: "joint_stabilisation",
    PELVIC_STABILISATION: "pelvic_stabilisation",
    HIP_ADDUCTION_CONTROL: "hip_adduction_control",
    LOADED_HIP_CONTROL: "loaded_hip_control",
    MUSCLE_ACTION: "muscle_action",
    GM_HIP_ABDUCTION: "gm_hip_abduction",
    GM_INTERNAL_ROTATION: "gm_internal_rotation",
    GM_GMED_PELVIC_STABILISATION: "gm_gmed_pelvic_stabilisation",
    GM_GMED_TROCHANTER_APPROXIMATION: "gm_gmed_trochanter_approximation",
    GM_TFL_ADDUCTION_CONTROL: "gm_tfl_adduction_control",
    GM_QL_PELVIC_DROP_CONTROL: "gm_ql_pelvic_drop_control",
    GM_FLEXION_INITIATION: "gm_flexion_initiation",
    GMAX_HIP_EXTENSION: "gmax_hip_extension",
    GMAX_EXTERNAL_ROTATION: "gmax_external_rotation",
    GM_ADDUCTION_ROTATION_CONTROL: "gm_adduction_rotation_control",
    GM_HIP_STABILISATION: "gm_hip_stabilisation",
    GM_HIP_STABILISATION_SINGLE_LEG: "gm_hip_stabilisation_single_leg",
    GM_ACTION: "gm_action",
    GMED_HIP_ABDUCTION: "gmed_hip_abduction",
    GM_ANTERIOR_LOAD_CONTROL: "gm_anterior_load_control",
    MOTOR_ACTIVITY: "motor_activity",
    GAIT: "gait",
    GAIT_PHASE: "gait_phase",
    STANCE_PHASE: "stance_phase",
    SWING_PHASE: "swing_phase",
    STANCE_TO_SWING_TRANSITION: "stance_to_swing_transition",
    SINGLE_LEG_STANCE: "single_leg_stance",
    RUNNING: "running",
    STAIR_CLIMBING: "stair_climbing",
    WEIGHT_BEARING: "weight_bearing",
    HIP_FLEXED_POSITION: "hip_flexed_position",
    FIXED_ORIGIN: "fixed_origin",
    PAIN_FREE_PROGRESSION: "pain_free_progression",
    DISORDER: "disorder",
    GLUTEAL_TENDINOPATHY: "gluteal_tendinopathy",
    GM_TENDINOPATHY: "gm_tendinopathy",
    GTPS: "gtps",
    TROCHANTERIC_BURSITIS: "trochanteric_bursitis",
    DEGENERATIVE_HIP_CONDITION: "degenerative_hip_condition",
    HIP_OSTEOARTHRITIS: "hip_osteoarthritis",
    SCIATICA: "sciatica",
    MYOFASCIAL_PAIN: "myofascial_pain",
    GM_TRIGGER_POINT_PAIN: "gm_trigger_point_pain",
    GM_PERSISTENT_TRIGGER_POINTS: "gm_persistent_trigger_points",
    GM_ATROPHY: "gm_atrophy",
    SGN_LESION: "sgn_lesion",
    LUMBOPELVIC_DYSFUNCTION: "lumbopelvic_dysfunction",
    SI_JOINT_INSTABILITY: "si_joint_instability",
    PELVIC_RING_ROTATION: "pelvic_ring_rotation",
    HIP_INSTABILITY: "hip_instability",
    LOW_BACK_COMPLAINT: "low_back_complaint",
    SECONDARY_COMPLAINT: "secondary_complaint",
    SECONDARY_BACK_COMPLAINT: "secondary_back_complaint",
    SECONDARY_KNEE_COMPLAINT: "secondary_knee_complaint",
    SECONDARY_ANKLE_COMPLAINT: "secondary_ankle_complaint",
    CLINICAL_FINDING: "clinical_finding",
    LATERAL_HIP_PAIN: "lateral_hip_pain",
    LUMBAR_REFERRED_PAIN: "lumbar_referred_pain",
    REFERRED_PAIN_LATERAL_LEG_FOOT: "referred_pain_lateral_leg_foot",
    NEUROLOGICAL_DEFICIT: "neurological_deficit",
    ABSENCE_OF_NEUROLOGICAL_DEFICIT: "absence_of_neurological_deficit",
    NEGATIVE_LASEGUE_TEST: "negative_lasegue_test",
    FUNCTIONAL_IMPAIRMENT: "functional_impairment",
    REDUCED_BALANCE: "reduced_balance",
    INCREASED_FALL_RISK: "increased_fall_risk",
    ALTERED_MUSCLE_RECRUITMENT: "altered_muscle_recruitment",
    GM_COMPENSATORY_OVERLOAD: "gm_compensatory_overload",
    CONTRALATERAL_PELVIC_DROP: "contralateral_pelvic_drop",
    TRENDELENBURG_SIGN: "trendelenburg_sign",
    GAIT_DISTURBANCE: "gait_disturbance",
    TRENDELENBURG_GAIT: "trendelenburg_gait",
    GM_WEAKNESS: "gm_weakness",
    GM_INACTIVITY: "gm_inactivity",
    GMED_WEAKNESS: "gmed_weakness",
    GM_DISTURBED_INTERPLAY: "gm_disturbed_interplay",
    COMPENSATORY_MOVEMENT_PATTERN: "compensatory_movement_pattern",
    IMAGING_FINDING: "imaging_finding",
    DEGENERATIVE_TENDON_CHANGE: "degenerative_tendon_change",
    PERITROCHANTERIC_FLUID: "peritrochanteric_fluid",
    PARTIAL_TENDON_TEAR: "partial_tendon_tear",
    POST_OPERATIVE_STATE: "post_operative_state",
    POST_HIP_SURGERY: "post_hip_surgery",
    POST_HIP_ARTHROPLASTY: "post_hip_arthroplasty",
    PHYSICAL_INACTIVITY: "physical_inactivity",
    PAIN: "pain",
    POST_PAIN_STATE: "post_pain_state",
    LONG_STANDING_HIP_COMPLAINT: "long_standing_hip_complaint",
    PELVIC_PAIN: "pelvic_pain",
    FEMALE_OVER_40: "female_over_40",
    PEOPLE_WITH_GTPS: "people_with_gtps",
    BIOMECHANICAL_DEVIATION: "biomechanical_deviation",
    INCREASED_STANCE_ADDUCTION: "increased_stance_adduction",
    LOADING_PATTERN: "loading_pattern",
    CHRONIC_OVERLOAD: "chronic_overload",
    SLOPED_SURFACE_RUNNING: "sloped_surface_running",
    UNILATERAL_WEIGHT_BEARING: "unilateral_weight_bearing",
    ASYMMETRIC_GAIT: "asymmetric_gait",
    SURGICAL_PROCEDURE: "surgical_procedure",
    HIP_SURGERY: "hip_surgery",
    HIP_ARTHROPLASTY: "hip_arthroplasty",
    CLINICAL_TEST: "clinical_test",
    LASEGUE_TEST: "lasegue_test",
    COMPLEMENTARY_ASSESSMENT: "complementary_assessment",
    GAIT_PATTERN_ASSESSMENT: "gait_pattern_assessment",
    FOOTWEAR_ASSESSMENT: "footwear_assessment",
    PELVIC_POSTURE_ASSESSMENT: "pelvic_posture_assessment",
    CORE_ACTIVATION_ASSESSMENT: "core_activation_assessment",
    SEPARATE_TRAINING_PRINCIPLE: "separate_training_principle",
    TECHNIQUE_PRINCIPLE: "technique_principle",
    EXERCISE: "exercise",
    GM_EXERCISE: "gm_exercise",
    EX_RESISTED_ABDUCTION_EXTENSION: "ex_resisted_abduction_extension",
    EX_LATERAL_STEP_UP: "ex_lateral_step_up",
    EX_SIDE_PLANK_ABDUCTION: "ex_side_plank_abduction",
    EX_SINGLE_LEG_SQUAT: "ex_single_leg_squat",
    EX_STANDING_IR_BAND: "ex_standing_ir_band",
    EX_CLAM: "ex_clam",
    EX_SIMPLE_ABDUCTION: "ex_simple_abduction",
    EX_SIDE_RAISE: "ex_side_raise",
    STATIC_LOW_LOAD_EXERCISE: "static_low_load_exercise",
    DYNAMIC_EXERCISE: "dynamic_exercise",
    WEIGHT_BEARING_EXERCISE: "weight_bearing_exercise",
    TENDON_PROVOKING_EXERCISE: "tendon_provoking_exercise",
    EXECUTION_FAULT: "execution_fault",
    TRUNK_SWAY: "trunk_sway",
    DYNAMIC_KNEE_VALGUS: "dynamic_knee_valgus",
    PELVIC_TILT_IN_EXERCISE: "pelvic_tilt_in_exercise",
    FOOT_EXTERNAL_ROTATION: "foot_external_rotation",
    FOOT_OR_PELVIS_MOVEMENT: "foot_or_pelvis_movement",
}

#: The relations (object properties), IRI → key, in source order; each has a sentence in every message catalogue
RELATIONS: Final[dict[str, str]] = {
    PART_OF: "part_of",
    HAS_PART: "has_part",
    INNERVATED_BY: "innervated_by",
    INNERVATES: "innervates",
    HAS_MUSCLE_ORIGIN: "has_muscle_origin",
    HAS_MUSCLE_INSERTION: "has_muscle_insertion",
    ATTACHED_TO: "attached_to",
    BRANCHING_PART_OF: "branching_part_of",
    CONNECTING_BRANCH_OF: "connecting_branch_of",
    VESSEL_SUPPLIES_BLOOD_TO: "vessel_supplies_blood_to",
    ADJACENT_TO: "adjacent_to",
    CONTINUOUS_WITH: "continuous_with",
    LOCATED_IN: "located_in",
    DEEPER_THAN: "deeper_than",
    SHALLOWER_THAN: "shallower_than",
    DEEP_TO: "deep_to",
    SUPERFICIAL_TO: "superficial_to",
    ANTERIOR_TO: "anterior_to",
    POSTERIOR_TO: "posterior_to",
    BOUNDED_BY: "bounded_by",
    PASSES_THROUGH: "passes_through",
    RUNS_WITH: "runs_with",
    HAS_ROOT_SEGMENT: "has_root_segment",
    HAS_CONTRIBUTING_ARTERY: "has_contributing_artery",
    HAS_AGENT: "has_agent",
    ACTS_ON_JOINT: "acts_on_joint",
    MOVES: "moves",
    OCCURS_DURING: "occurs_during",
    REQUIRES_CONDITION: "requires_condition",
    ENHANCED_BY_CONDITION: "enhanced_by_condition",
    PREVENTS: "prevents",
    ACTS_SYNERGISTICALLY_WITH: "acts_synergistically_with",
    ACTIVE_DURING: "active_during",
    AFFECTS: "affects",
    COMMONLY_AFFECTS: "commonly_affects",
    HAS_FEATURE: "has_feature",
    TYPICALLY_HAS_FEATURE: "typically_has_feature",
    MAY_HAVE_FEATURE: "may_have_feature",
    HAS_DISTINGUISHING_FEATURE: "has_distinguishing_feature",
    HAS_RISK_FACTOR: "has_risk_factor",
    IS_RISK_FACTOR_OF: "is_risk_factor_of",
    HAS_POPULATION_AT_INCREASED_RISK: "has_population_at_increased_risk",
    ASSOCIATED_WITH: "associated_with",
    RESULTS_IN: "results_in",
    MAY_RESULT_IN: "may_result_in",
    CONTRIBUTES_TO: "contributes_to",
    MAY_BE_MISTAKEN_FOR: "may_be_mistaken_for",
    TARGETS: "targets",
    AVOIDS_COMPENSATION_BY: "avoids_compensation_by",
    HAS_CAUTION: "has_caution",
    INDICATED_FOR: "indicated_for",
    TRAINS_ACTION: "trains_action",
    RECOMMENDED_START_FOR: "recommended_start_for",
    PROGRESSES_TO: "progresses_to",
    CONTRAINDICATED_IN: "contraindicated_in",
    PRODUCES_HIGHER_ACTIVATION_THAN: "produces_higher_activation_than",
    PROGRESSES_WHEN: "progresses_when",
    LESS_COMPENSATION_THAN: "less_compensation_than",
    KEPT_APART_FROM: "kept_apart_from",
    RESULT_OF_TEST: "result_of_test",
    STATE_AFTER: "state_after",
    REPORTED_ESPECIALLY_IN: "reported_especially_in",
    MOST_ACTIVE_DURING: "most_active_during",
    RECOMMENDED_IN: "recommended_in",
}

#: The languages the source gives labels in
LABEL_LANGUAGES: Final = ("en", "la", "nb")
