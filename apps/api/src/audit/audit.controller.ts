import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import {
  canAdminister,
  canReadUnit,
  ZAuditQuery,
  type TAuditEntry,
  type TMe,
} from '@commune-bench/domain';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { badRequest, forbidden } from '../common/app-error.js';
import { parseInput } from '../common/zod-parse.js';
import { AuditRepository } from './audit.repository.js';

@Controller('audit')
@UseGuards(AuthGuard)
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  /** Admins read the whole trail; reviewers the trail of one unit, plan or result in their scope. */
  @Get()
  async list(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TAuditEntry[]> {
    const { entity, id, limit } = parseInput(ZAuditQuery, query);
    if (!canAdminister(user)) {
      if (user.role !== 'reviewer')
        throw forbidden('Chỉ quản trị viên và chuyên viên thẩm định xem được nhật ký.');
      if (entity === undefined || id === undefined)
        throw badRequest('Chọn đối tượng (entity và id) cần xem nhật ký.', [
          { path: 'entity', message: 'bắt buộc' },
        ]);
      const unit = await this.audit.unitOf(entity, id);
      if (unit === null || !canReadUnit(user, unit))
        throw forbidden('Đối tượng nằm ngoài phạm vi của bạn.');
    }
    return this.audit.find({ entity, entityId: id, limit });
  }
}
