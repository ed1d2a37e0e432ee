export { runCli, buildProgram } from './cli/program.js';
export type { Io } from './cli/io.js';
export type { PlanData, PeriodQuery } from './sources/source.js';
export { directData } from './sources/direct.js';
export { httpData } from './sources/http.js';
