# config/: the phase definitions budgetlab ships, installed where
# bl_path_shipped() looks for them ($(pkgdatadir)/phases/...).
phasesdir = $(pkgdatadir)/phases
dist_phases_DATA = \
	config/phases/danish-municipality.yaml \
	config/phases/norwegian-municipality.yaml
