"""Background tasks (django-tasks; the database backend in production, the immediate one in tests)."""

from django_tasks import task

from emgov.core import jobs


@task()
def run_import_job(job_id: int) -> str:
    return jobs.import_job_run(job_id)


@task()
def run_export_job(job_id: int) -> str:
    from emgov.core import exports

    return exports.export_job_run(job_id)
