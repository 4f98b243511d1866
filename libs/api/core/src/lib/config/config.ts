import path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : /^-?\d+$/.test(String(value))
      ? Number(value)
      : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return value;
};

/**
 * Every setting Tandem reads from the environment, validated once at boot. A missing or malformed
 * value stops the start with a message that names the variable (see `loadConfig`).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Use an external PostgreSQL server. When unset, Tandem starts an embedded one. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  /** Folder for local state: the embedded PostgreSQL cluster and the development signing key. */
  @IsString()
  TANDEM_DATA_DIR: string = path.resolve(process.cwd(), '.data');

  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535 (0 picks a free port)' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Secret that signs access tokens. Required in production; generated and kept in the data folder otherwise. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt({ message: 'ACCESS_TOKEN_TTL_SECONDS must be a whole number of seconds' })
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Absolute session lifetime. */
  @Transform(toInt)
  @IsInt({ message: 'SESSION_TTL_HOURS must be a whole number of hours' })
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /** A session unused for this long ends (inactivity timeout). */
  @Transform(toInt)
  @IsInt({ message: 'SESSION_IDLE_MINUTES must be a whole number of minutes' })
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** Failed sign-ins after which the account locks. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_LOCK_MINUTES = 15;

  /** Extra delay per failed attempt, so guessing slows down before the lock. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LOGIN_FAILURE_DELAY_MS = 400;

  /** Sign-in attempts per address per minute (public routes are rate limited). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  RATE_LIMIT_LOGIN_PER_MINUTE = 20;

  /** Refresh and sign-out requests per address per minute (cookie-authenticated public routes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  RATE_LIMIT_SESSION_PER_MINUTE = 120;

  /**
   * Requests per address per minute on the other public routes (health, readiness, API docs).
   * Generous: probes and load balancers call them every few seconds.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 600;

  /** Seed the fictional demo data when the database is empty. */
  @Transform(toBool)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO = true;

  /** Folder with the built web client; served at / when present. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  /** The origin the web client is served from; other origins are refused by CORS. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'APP_ORIGIN must look like http://localhost:3000' })
  APP_ORIGIN?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'JWT_SECRET', 'WEB_DIST_DIR', 'APP_ORIGIN']) {
    const value = env[key];
    if (value !== undefined) input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.map((e) => {
    const messages = Object.values(e.constraints ?? {});
    const value =
      e.property === 'JWT_SECRET' || e.property === 'DATABASE_URL'
        ? '(hidden)'
        : JSON.stringify(e.value);
    return `${e.property}: ${messages.join('; ')} (got ${value})`;
  });
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    problems.push('JWT_SECRET: is required when NODE_ENV=production (at least 32 characters)');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
