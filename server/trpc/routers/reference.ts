import { listCatalog, listDistricts, listMeasures, listUnits } from '../../reference/queries';
import { createTRPCRouter, publicProcedure } from '../init';

export const referenceRouter = createTRPCRouter({
  districts: publicProcedure.query(() => listDistricts()),
  units: publicProcedure.query(() => listUnits()),
  catalog: publicProcedure.query(() => listCatalog()),
  measures: publicProcedure.query(() => listMeasures()),
});
