import { listCatalog, listDistricts, listMeasures, listUnits } from '../../reference/queries';
import { createTRPCRouter, protectedProcedure } from '../init';

export const referenceRouter = createTRPCRouter({
  districts: protectedProcedure.query(() => listDistricts()),
  units: protectedProcedure.query(() => listUnits()),
  catalog: protectedProcedure.query(() => listCatalog()),
  measures: protectedProcedure.query(() => listMeasures()),
});
