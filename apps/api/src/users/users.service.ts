import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canAdminister,
  type TMe,
  type TUserCreate,
  type TUserUpdate,
  type TUserView,
} from '@commune-bench/domain';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { toMe } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository.js';
import { UserCache } from '../auth/user-cache.js';
import { type UserRecord, UsersRepository } from '../auth/users.repository.js';
import { AppError, badRequest, forbidden, notFound } from '../common/app-error.js';
import { UnitsRepository } from '../units/units.repository.js';

const toView = (user: UserRecord): TUserView => ({ ...toMe(user), disabled: user.disabled });

/** Admins manage accounts: role and scope, password, disabling (a disabled user's tokens stop working). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly units: UnitsRepository,
    private readonly userCache: UserCache,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(actor: TMe): Promise<TUserView[]> {
    this.requireAdmin(actor);
    return (await this.users.list()).map(toView);
  }

  async create(actor: TMe, input: TUserCreate): Promise<TUserView> {
    this.requireAdmin(actor);
    await this.checkScope(input.role, input.scopeProvinces, input.scopeUnitId);
    if (await this.users.findByUsername(input.username))
      throw new AppError('conflict', 409, `Tên đăng nhập "${input.username}" đã có.`);
    const id = await this.dataSource.transaction(async (manager) => {
      const userId = await this.users.insert(
        {
          username: input.username,
          displayName: input.displayName,
          passwordHash: await hashPassword(input.password),
          role: input.role,
          scopeProvinces: input.scopeProvinces,
          scopeUnitId: input.scopeUnitId,
        },
        manager,
      );
      await this.audit.append(
        {
          actorId: actor.id,
          actorName: actor.username,
          action: 'create',
          entity: 'user',
          entityId: userId,
          after: {
            username: input.username,
            role: input.role,
            scopeProvinces: input.scopeProvinces,
            scopeUnitId: input.scopeUnitId,
          },
        },
        manager,
      );
      return userId;
    });
    return toView((await this.users.findById(id))!);
  }

  async update(actor: TMe, id: string, changes: TUserUpdate): Promise<TUserView> {
    this.requireAdmin(actor);
    const before = await this.users.findById(id);
    if (!before) throw notFound('Không tìm thấy người dùng.');
    if (
      id === actor.id &&
      (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))
    ) {
      throw badRequest('Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.');
    }
    const role = changes.role ?? before.role;
    const scopeProvinces =
      changes.scopeProvinces !== undefined ? changes.scopeProvinces : before.scopeProvinces;
    const scopeUnitId =
      changes.scopeUnitId !== undefined ? changes.scopeUnitId : before.scopeUnitId;
    await this.checkScope(role, scopeProvinces, scopeUnitId);
    const { password, ...rest } = changes;
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(
        id,
        {
          ...rest,
          ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
        },
        manager,
      );
      await this.audit.append(
        {
          actorId: actor.id,
          actorName: actor.username,
          action: changes.disabled === true ? 'disable' : 'update',
          entity: 'user',
          entityId: id,
          before: toView(before),
          after: { ...rest, password: password === undefined ? undefined : '(đã đổi)' },
        },
        manager,
      );
    });
    await this.userCache.changed(id);
    return toView((await this.users.findById(id))!);
  }

  private requireAdmin(actor: TMe): void {
    if (!canAdminister(actor)) throw forbidden('Chỉ quản trị viên được quản lý người dùng.');
  }

  /** A reviewer needs provinces, commune staff a unit; the others none. */
  private async checkScope(
    role: TUserCreate['role'],
    provinces: TUserCreate['scopeProvinces'],
    unitId: string | null,
  ): Promise<void> {
    if (role === 'reviewer' && provinces === null)
      throw badRequest('Chuyên viên thẩm định cần phạm vi tỉnh/thành (scopeProvinces).', [
        { path: 'scopeProvinces', message: 'bắt buộc' },
      ]);
    if (role === 'commune_staff' && unitId === null)
      throw badRequest('Cán bộ xã cần đơn vị (scopeUnitId).', [
        { path: 'scopeUnitId', message: 'bắt buộc' },
      ]);
    if (Array.isArray(provinces)) {
      const missing = await this.units.missingProvinces(provinces);
      if (missing.length > 0)
        throw badRequest(`Không có tỉnh/thành: ${missing.join(', ')}`, [
          { path: 'scopeProvinces', message: 'không tồn tại' },
        ]);
    }
    if (unitId !== null) {
      const units = await this.units.refs({ ids: [unitId] });
      if (units.length === 0)
        throw badRequest('Không có đơn vị này (scopeUnitId).', [
          { path: 'scopeUnitId', message: 'không tồn tại' },
        ]);
    }
  }
}
