import { itemScopeOf } from '../../auth/roles';
import { createTRPCRouter, protectedProcedure } from '../init';

export const sessionRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ({
    name: ctx.principal.name,
    role: ctx.principal.role,
    districtCode: ctx.principal.districtCode,
    unitCode: ctx.principal.unitCode,
    scope: itemScopeOf(ctx.principal),
  })),
});
