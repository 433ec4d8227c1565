-- Why: deleting an organisation, vehicle, device or person must never cascade into race data.
-- The foreign keys come from the snapshot (relation on_delete), which a careless schema change
-- could weaken; this guard stops the boot if any of ours is not RESTRICT, except
-- entry_devices.assigned_user_id, which is SET NULL (a worn tracker outlives its wearer's account).

DO $$
DECLARE wrong text;
BEGIN
  SELECT string_agg(format('%s.%s (%s)', c.conrelid::regclass, a.attname, c.confdeltype), ', ') INTO wrong
  FROM pg_constraint c
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
  WHERE c.contype = 'f' AND c.conrelid::regclass::text NOT LIKE 'directus\_%'
    AND c.confdeltype <> CASE WHEN c.conrelid::regclass::text = 'entry_devices' AND a.attname = 'assigned_user_id' THEN 'n' ELSE 'r' END;
  IF wrong IS NOT NULL THEN
    RAISE EXCEPTION '104_delete_rules: foreign keys with the wrong delete rule (r = restrict, n = set null): %', wrong;
  END IF;
END $$;
