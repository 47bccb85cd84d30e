from django.urls import path

from kpcs.reviews.views import overview, roster, schedule, visits

urlpatterns = [
    path("reviews/", overview.reviews_home, name="reviews-home"),
    path("reviews/invitations/", overview.invitation_list, name="reviews-invitations"),
    path("reviews/recommendations/", overview.recommendation_list, name="reviews-recommendations"),
    path("reviews/recommendations/<int:recommendation_id>/follow-up/", visits.recommendation_follow_up,
         name="reviews-follow-up"),
    path("reviews/experts/", roster.expert_list, name="reviews-experts"),
    path("reviews/experts/<int:expert_id>/", roster.expert_detail, name="reviews-expert"),
    path("reviews/experts/<int:expert_id>/edit/", roster.expert_edit, name="reviews-expert-edit"),
    path("reviews/visits/", visits.visit_list, name="reviews-visits"),
    path("reviews/visits/<int:visit_id>/", visits.visit_detail, name="reviews-visit"),
    path("reviews/visits/<int:visit_id>/transition/", visits.visit_transition, name="reviews-visit-transition"),
    path("reviews/visits/<int:visit_id>/team/", visits.visit_team, name="reviews-visit-team"),
    path("reviews/visits/<int:visit_id>/pin/", visits.visit_pin, name="reviews-visit-pin"),
    path("reviews/visits/<int:visit_id>/unpin/<int:expert_id>/", visits.visit_unpin, name="reviews-visit-unpin"),
    path("reviews/visits/<int:visit_id>/recommendations/", visits.recommendation_create,
         name="reviews-recommendation-create"),
    path("reviews/schedule/", schedule.schedule_page, name="reviews-schedule"),
    path("reviews/plans/<int:plan_id>/", schedule.plan_detail, name="reviews-plan"),
    path("reviews/plans/<int:plan_id>/apply/", schedule.plan_apply, name="reviews-plan-apply"),
]
