import { AppSettingEntity } from './app-setting.entity.js';
import { AuditLogEntity } from './audit-log.entity.js';
import { CompositeScoreEntity } from './composite-score.entity.js';
import { IndicatorEntity } from './indicator.entity.js';
import { JobEntity } from './job.entity.js';
import { PlanPhaseEntity } from './plan-phase.entity.js';
import { PlanEntity } from './plan.entity.js';
import { ProvinceEntity } from './province.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { ResultEntity } from './result.entity.js';
import { ScoreVersionEntity } from './score-version.entity.js';
import { TargetEntity } from './target.entity.js';
import { UnitClassificationEntity } from './unit-classification.entity.js';
import { UnitEntity } from './unit.entity.js';
import { UserEntity } from './user.entity.js';

export {
  AppSettingEntity,
  AuditLogEntity,
  CompositeScoreEntity,
  IndicatorEntity,
  JobEntity,
  PlanEntity,
  PlanPhaseEntity,
  ProvinceEntity,
  RefreshTokenEntity,
  ResultEntity,
  ScoreVersionEntity,
  TargetEntity,
  UnitClassificationEntity,
  UnitEntity,
  UserEntity,
};

export const ENTITIES = [
  ProvinceEntity,
  UnitEntity,
  UnitClassificationEntity,
  IndicatorEntity,
  JobEntity,
  PlanEntity,
  PlanPhaseEntity,
  TargetEntity,
  ResultEntity,
  UserEntity,
  AuditLogEntity,
  AppSettingEntity,
  RefreshTokenEntity,
  ScoreVersionEntity,
  CompositeScoreEntity,
];
