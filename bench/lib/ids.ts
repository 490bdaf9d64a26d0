/**
 * `pg_temp.kid(name)`: a UUID made from md5 of a name, with the version and variant digits set, so that the
 * platform, which checks ids in paths, takes it (a bare md5 is not a valid UUID). Run it once on a data loader's
 * connection; statements then point at each other's rows by name.
 */
export const CREATE_KID_FUNCTION = `CREATE FUNCTION pg_temp.kid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18, 15))::uuid $$`;
