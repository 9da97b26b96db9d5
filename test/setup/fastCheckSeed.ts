/**
 * Property tests run with a fixed seed so that a CI run is reproducible; set FC_SEED to explore
 * other inputs locally (a failure prints the seed and path to replay it).
 */
import fc from 'fast-check';

const seed = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : 20261124;
fc.configureGlobal({ seed });
