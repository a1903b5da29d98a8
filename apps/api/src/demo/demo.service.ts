import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { foldVi, formatUnitNameVi, type TRole, type TTarget } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword, randomPassword } from '../auth/password.js';
import { UsersRepository } from '../auth/users.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { PROVINCES } from '../reference/provinces.data.js';
import { ResultsRepository } from '../results/results.repository.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { UnitsRepository } from '../units/units.repository.js';
import { generateDemoCohort } from './demo-cohort.js';
import { seedPlans, type SeedPlan } from './seed-plans.data.js';
import { RankingCache } from '../rankings/ranking-cache.js';

const DEMO_MARKER = 'demo_loaded_at';
const DEMO_LOCK = 7_310_001;
const O_DIEN_CODE = 'HN.O_DIEN';

/**
 * Validity the seed documents imply (shared/seeds/README.md): Hưng Thịnh and Ô Diên were formed by
 * the July 2025 reorganisation (Ô Diên's plan cites its Party committee's first congress, 2025-2030);
 * Hương Trà, Hoài Hảo and the Kim Động commune belong to units reorganised then.
 */
const SEED_UNIT_VALIDITY: Record<string, { validFrom: string | null; validTo: string | null }> = {
  'UNKNOWN.HUNG_THINH': { validFrom: '2025-07-01', validTo: null },
  'HN.O_DIEN': { validFrom: '2025-07-01', validTo: null },
  'TTH.HUONG_TRA': { validFrom: null, validTo: '2025-06-30' },
  'BDI.HOAI_HAO': { validFrom: null, validTo: '2025-06-30' },
  'HY.KIM_DONG.XA_CHUA_RO_TEN': { validFrom: null, validTo: '2025-06-30' },
};

/** SHA-256 of the seed documents the plans were read from (shared/seeds/). */
const SEED_FILE_SHA256: Record<string, string> = {
  '000_f7f2992ca6234a2c.txt': '576bcbc4209e905a9591c805ec219972eeb44241547aaa6803393f44e03120eb',
  '001_db8bd46d2dd6e5b9.txt': '93cc52255bbc2fdf89c2b15ad74f0b26ae8967559db8473dd06f0d1c23b20c61',
  '002_84b893657160b16a.txt': 'd451fe33381de836ba3c92b4ba939c4b3cee06ae1f6c5135319d586c397a23cb',
  '003_be7d98821bed4f13.txt': 'feaf486a5fc49b8818dc35a5a91deccb51ab207afe8f74c442b17af34119b722',
  '004_3d958af6174669dc.txt': '488deb38c027026b74b608740acaeafbb548b23e2ad0894d6527fb5ec43ebb0f',
};

export interface DemoAccount {
  username: string;
  password: string;
  role: TRole;
  description: string;
}

export interface DemoLoadReport {
  loaded: boolean;
  units: number;
  plans: number;
  targets: number;
  results: number;
  accounts: DemoAccount[];
}

/** Loads the seed plans, the demo cohort and the demo accounts once, on the first start. */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsRepository,
    private readonly units: UnitsRepository,
    private readonly plans: PlansRepository,
    private readonly results: ResultsRepository,
    private readonly users: UsersRepository,
    private readonly rankingCache: RankingCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    const report = await this.loadOnce();
    if (!report.loaded) return;
    await this.rankingCache.invalidate();
    this.logger.log(
      `Demo data loaded: ${report.units} units, ${report.plans} plans, ${report.targets} targets, ${report.results} results (all generated figures are marked as demo data).`,
    );
    if (report.accounts.length > 0)
      printAccounts(report.accounts, this.config.demoPassword !== undefined);
  }

  async loadOnce(): Promise<DemoLoadReport> {
    return this.dataSource.transaction(async (manager) => {
      // One instance loads; others wait here and then see the marker.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      if ((await this.settings.get(DEMO_MARKER, manager)) !== undefined)
        return { loaded: false, units: 0, plans: 0, targets: 0, results: 0, accounts: [] };
      const report = await this.load(manager);
      await this.settings.set(DEMO_MARKER, new Date().toISOString(), manager);
      return report;
    });
  }

  private async load(manager: EntityManager): Promise<DemoLoadReport> {
    const unitIds = new Map<string, string>();
    let plans = 0;
    let targets = 0;
    for (const seed of seedPlans) {
      const unit = seedUnit(seed);
      const unitId = await this.units.insert(unit, manager);
      unitIds.set(seed.unit.code, unitId);
      if (seed.unit.inferredClass) {
        await this.units.insertClassification(
          {
            unitId,
            class: seed.unit.inferredClass.class,
            basis: `Suy ra từ kế hoạch: ${seed.unit.inferredClass.reason}`,
            decisionNo: null,
            validFrom: '2025-07-01',
            validTo: null,
          },
          manager,
        );
      }
      await this.plans.insertWithTargets(
        {
          unitId,
          title: seed.plan.title,
          kind: seed.plan.kind,
          documentNo: seed.plan.documentNo,
          documentDate: seed.plan.documentDate,
          issuer: seed.plan.issuer,
          status: seed.plan.status,
          fromYear: seed.plan.fromYear,
          toYear: seed.plan.toYear,
          phases: seed.plan.phases,
          parentPlanId: null,
          sourceFile: { name: seed.seedFile, sha256: SEED_FILE_SHA256[seed.seedFile] ?? '' },
          isDemo: false,
          targets: seed.targets.map((target) => seedTarget(target, unit.provinceCode)),
        },
        manager,
      );
      plans += 1;
      targets += seed.targets.length;
    }

    const oDienId = unitIds.get(O_DIEN_CODE);
    if (!oDienId) throw new Error(`seed unit ${O_DIEN_CODE} missing from the seed plans`);
    const cohort = generateDemoCohort(O_DIEN_CODE);
    let resultCount = 0;
    for (const unit of cohort) {
      const unitId = unit.existing
        ? oDienId
        : await this.units.insert(
            {
              code: unit.code,
              name: unit.name,
              nameFolded: foldVi(unit.name),
              type: unit.type,
              provinceCode: unit.provinceCode,
              parentName: null,
              validFrom: null,
              validTo: null,
              isDemo: true,
              notes: 'Đơn vị minh họa: số liệu được sinh tự động (dữ liệu demo).',
            },
            manager,
          );
      unitIds.set(unit.code, unitId);
      // Ô Diên's class comes from its seed plan (inferred, from its formation in July 2025); it has no earlier one.
      for (const classification of unit.existing ? [] : unit.classifications) {
        await this.units.insertClassification(
          {
            unitId,
            class: classification.unitClass,
            basis: classification.basis,
            decisionNo: classification.decisionNo,
            validFrom: classification.validFrom,
            validTo: classification.validTo,
          },
          manager,
        );
      }
      await this.results.insertMany(
        unit.results.map((result) => ({
          unitId,
          indicatorCode: result.indicatorCode,
          period: result.period,
          value: result.value,
          status: result.status,
          source: 'Dữ liệu minh họa (demo)',
          isDemo: true,
        })),
        manager,
      );
      resultCount += unit.results.length;
      if (unit.targets.length > 0) {
        await this.plans.insertWithTargets(
          {
            unitId,
            title: `Kế hoạch cải cách hành chính giai đoạn 2026-2030 của ${formatUnitNameVi(unit)} (dữ liệu minh họa)`,
            kind: 'ke_hoach',
            documentNo: null,
            documentDate: null,
            issuer: null,
            status: 'issued',
            fromYear: 2026,
            toYear: 2030,
            phases: [],
            parentPlanId: null,
            sourceFile: null,
            isDemo: true,
            targets: unit.targets.map((target) => ({
              indicatorCode: target.indicatorCode,
              label: target.label,
              areaInPlan: null,
              comparator: target.comparator,
              value: target.value,
              unit: target.unit,
              dueYear: target.dueYear,
              phase: null,
              baselineYear: null,
              cohort: target.cohort,
              aspirational: false,
              source: null,
              confidence: null,
              reviewed: true,
            })),
          },
          manager,
        );
        plans += 1;
        targets += unit.targets.length;
      }
    }

    const accounts =
      (await this.users.count(manager)) === 0 ? await this.createAccounts(oDienId, manager) : [];
    return { loaded: true, units: unitIds.size, plans, targets, results: resultCount, accounts };
  }

  private async createAccounts(oDienId: string, manager: EntityManager): Promise<DemoAccount[]> {
    const specs: {
      username: string;
      displayName: string;
      role: TRole;
      scopeProvinces: 'all' | string[] | null;
      scopeUnitId: string | null;
      description: string;
    }[] = [
      {
        username: 'admin',
        displayName: 'Quản trị hệ thống',
        role: 'admin',
        scopeProvinces: 'all',
        scopeUnitId: null,
        description: 'quản trị: người dùng, đơn vị, phân loại',
      },
      {
        username: 'reviewer',
        displayName: 'Chuyên viên Bộ Nội vụ',
        role: 'reviewer',
        scopeProvinces: 'all',
        scopeUnitId: null,
        description: 'thẩm định, mọi tỉnh/thành',
      },
      {
        username: 'reviewer.hanoi',
        displayName: 'Chuyên viên Sở Nội vụ Hà Nội',
        role: 'reviewer',
        scopeProvinces: ['HNI'],
        scopeUnitId: null,
        description: 'thẩm định, Hà Nội',
      },
      {
        username: 'odien',
        displayName: 'Cán bộ UBND xã Ô Diên',
        role: 'commune_staff',
        scopeProvinces: null,
        scopeUnitId: oDienId,
        description: 'cán bộ xã Ô Diên',
      },
    ];
    const accounts: DemoAccount[] = [];
    for (const spec of specs) {
      const password = this.config.demoPassword ?? randomPassword();
      await this.users.insert(
        {
          username: spec.username,
          displayName: spec.displayName,
          passwordHash: await hashPassword(password),
          role: spec.role,
          scopeProvinces: spec.scopeProvinces,
          scopeUnitId: spec.scopeUnitId,
        },
        manager,
      );
      accounts.push({
        username: spec.username,
        password,
        role: spec.role,
        description: spec.description,
      });
    }
    return accounts;
  }
}

function seedUnit(seed: SeedPlan) {
  const province =
    seed.unit.provinceName === null
      ? undefined
      : PROVINCES.find((candidate) => candidate.name === seed.unit.provinceName);
  if (seed.unit.provinceName !== null && !province)
    throw new Error(`unknown province "${seed.unit.provinceName}" in ${seed.seedFile}`);
  const validity = SEED_UNIT_VALIDITY[seed.unit.code] ?? { validFrom: null, validTo: null };
  return {
    code: seed.unit.code,
    name: seed.unit.name,
    nameFolded: foldVi(seed.unit.name),
    type: seed.unit.type,
    provinceCode: province?.code ?? null,
    parentName: seed.unit.parentDistrict,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    isDemo: false,
    notes: seed.unit.notes,
  };
}

/** A seed rank target's cohort "scope: province" is the unit's own province. */
function seedTarget(
  target: SeedPlan['targets'][number],
  provinceCode: string | null,
): Omit<TTarget, 'id'> {
  return {
    indicatorCode: target.indicatorCode,
    label: target.label,
    areaInPlan: target.areaInPlan,
    comparator: target.comparator,
    value: target.value,
    unit: target.unit,
    dueYear: target.dueYear,
    phase: target.phase,
    baselineYear: target.baselineYear,
    cohort:
      target.cohort === null
        ? null
        : {
            ...(target.cohort.scope === 'province' && provinceCode !== null
              ? { province: provinceCode }
              : {}),
            ...(target.cohort.unitTypes ? { unitTypes: target.cohort.unitTypes } : {}),
            ...(target.cohort.classes ? { classes: target.cohort.classes } : {}),
          },
    aspirational: target.aspirational,
    source: target.source,
    confidence: null,
    reviewed: true,
    conflictGroup: target.conflictGroup ?? null,
    legacy: target.legacy ?? false,
  };
}

function printAccounts(accounts: DemoAccount[], fromEnvironment: boolean): void {
  const lines = [
    '',
    '  Tài khoản demo (demo accounts) — ' +
      (fromEnvironment
        ? 'mật khẩu lấy từ DEMO_PASSWORD'
        : 'mật khẩu ngẫu nhiên, chỉ in một lần: hãy lưu lại'),
    ...accounts.map(
      (account) =>
        `    ${account.username.padEnd(16)} ${account.password.padEnd(16)} ${account.role.padEnd(14)} ${account.description}`,
    ),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
