-- Why: access rules must tell "the clubs where I am a registrar" from "the clubs where I am a
-- marshal". Directus 11.17.4 cannot filter an o2m inside a permission (a `members._some` rule
-- compiled to no WHERE at all and leaked every club), but it can read a list through
-- `$CURRENT_USER.memberships.as_registrar`. Each `as_<role>` column holds the membership's club
-- when the membership has that role and NULL otherwise; the database keeps it true, so no write
-- path (API, SQL, import) can let it drift from `role`.

CREATE OR REPLACE FUNCTION organization_users_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.as_org_admin     := CASE WHEN NEW.role = 'org-admin'     THEN NEW.organization_id END;
  NEW.as_race_director := CASE WHEN NEW.role = 'race-director' THEN NEW.organization_id END;
  NEW.as_registrar     := CASE WHEN NEW.role = 'registrar'     THEN NEW.organization_id END;
  NEW.as_marshal       := CASE WHEN NEW.role = 'marshal'       THEN NEW.organization_id END;
  NEW.as_timekeeper    := CASE WHEN NEW.role = 'timekeeper'    THEN NEW.organization_id END;
  NEW.as_viewer        := CASE WHEN NEW.role = 'viewer'        THEN NEW.organization_id END;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER organization_users_scope BEFORE INSERT OR UPDATE ON organization_users
  FOR EACH ROW EXECUTE FUNCTION organization_users_scope();

-- Memberships written before this file (an existing database) get their scopes now.
UPDATE organization_users SET role = role;
